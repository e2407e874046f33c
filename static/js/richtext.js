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
  createTextareaEditor,
  initializeEditors,
} from "../django_prose_editor/editor.js";

function createEditor(textarea) {
  if (textarea.closest(".prose-editor")) {
    return null;
  }
  return createTextareaEditor(textarea, [
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
}

initializeEditors(createEditor, "[data-richtext]");
