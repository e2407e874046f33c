// The admin's rich-text editor (buendnis/lib/richtext.py): django-prose-editor, loaded
// from its own static files by a relative import (no inline import map, so the strict
// CSP holds). The buttons offer what the public pages keep (buendnis/lib/sanitize.py).
import {
  Blockquote,
  Bold,
  BulletList,
  Document,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  History,
  Italic,
  Link,
  ListItem,
  Menu,
  OrderedList,
  Paragraph,
  Text,
  Underline,
  Editor,
  initializeEditors,
} from "../django_prose_editor/editor.js";

// The editor's menu speaks English; its words are in German in the admin's JavaScript
// catalogue (buendnis/locale/de/LC_MESSAGES/djangojs.po, loaded by the change form).
const translate = window.gettext || ((text) => text);

function translateAttributes(element) {
  for (const attribute of ["title", "aria-label"]) {
    const value = element.getAttribute(attribute);
    if (value && translate(value) !== value) {
      element.setAttribute(attribute, translate(value));
    }
  }
}

function translateMenu(menu) {
  menu.querySelectorAll("[title], [aria-label]").forEach(translateAttributes);
  menu.querySelectorAll(".prose-menubar__option > *").forEach((option) => {
    const german = translate(option.textContent);
    if (german !== option.textContent) {
      option.textContent = german;
    }
  });
}

function nameTheEditableArea(container, textarea) {
  // Named by the field's label and described by its help text, like the textarea was.
  const editable = container.querySelector("[contenteditable]");
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  if (!editable) {
    return;
  }
  if (label) {
    label.id = label.id || `${textarea.id}_label`;
    editable.setAttribute("aria-labelledby", label.id);
  }
  editable.setAttribute("aria-multiline", "true");
  const description = textarea.getAttribute("aria-describedby");
  if (description) {
    editable.setAttribute("aria-describedby", description);
  }
}

function inGerman(container, textarea) {
  // The menu is built (and renamed as the cursor moves) after the editor starts.
  const update = () => {
    const menu = container.querySelector(".prose-menubar");
    if (menu) {
      translateMenu(menu);
    }
    nameTheEditableArea(container, textarea);
  };
  update();
  new MutationObserver(update).observe(container, {
    attributes: true,
    attributeFilter: ["title", "aria-label"],
    childList: true,
    subtree: true,
  });
}

// As the package's createTextareaEditor, but Tiptap injects no inline <style>: its base
// styles come from static/css/prosemirror.css.
function createTextareaEditor(textarea, extensions) {
  const disabled = textarea.hasAttribute("disabled");
  const container = document.createElement("div");
  container.className = disabled ? "prose-editor disabled" : "prose-editor";
  textarea.before(container);
  container.append(textarea);
  return new Editor({
    element: container,
    editable: !disabled,
    extensions,
    content: textarea.value,
    injectCSS: false,
    onUpdate({ editor }) {
      const html = editor.getHTML();
      // An editor with nothing but an empty paragraph is an empty field.
      textarea.value = /^<(\w+)(\s[^>]*)?><\/\1>$/i.test(html) ? "" : html;
      textarea.dispatchEvent(new Event("input", { bubbles: true }));
    },
    onDestroy() {
      container.before(textarea);
      container.remove();
    },
  });
}

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  const editor = createTextareaEditor(textarea, [
    Document,
    Dropcursor,
    Gapcursor,
    Paragraph,
    HardBreak,
    Text,
    History,
    Menu,
    Heading.configure({ levels: [2, 3, 4] }),
    Bold,
    Italic,
    Underline,
    BulletList,
    OrderedList,
    ListItem,
    Blockquote,
    Link,
  ]);
  inGerman(textarea.closest(".prose-editor"), textarea);
  return editor;
}

initializeEditors(createEditor, "[data-richtext]");
