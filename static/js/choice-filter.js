/* A search field above a long list of checkboxes (the minutes' attendees): typing hides
   the names that do not contain the words typed; what is ticked stays ticked, also when
   hidden. The field and the counter come from the template
   (templates/admin/widgets/filterable_checkboxes.html); no inline script (CSP). */
(function () {
  "use strict";

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (_match, key) { return String(values[key]); });
  }

  function setUp(box) {
    var search = box.querySelector(".choice-filter-search");
    var counter = box.querySelector(".choice-filter-count");
    var rows = Array.prototype.map.call(box.querySelectorAll("input[type=checkbox]"), function (input) {
      var label = input.closest("label");
      return { input: input, row: label.parentElement, text: label.textContent.toLocaleLowerCase("de") };
    });

    function update() {
      var words = search.value.toLocaleLowerCase("de").split(/\s+/).filter(Boolean);
      var ticked = 0;
      var hidden = 0;
      rows.forEach(function (choice) {
        var shown = words.every(function (word) { return choice.text.indexOf(word) !== -1; });
        choice.row.hidden = !shown;
        if (!shown) { hidden += 1; }
        if (choice.input.checked) { ticked += 1; }
      });
      var text = format(counter.dataset.template, { ticked: ticked, total: rows.length });
      if (hidden) { text += " · " + format(counter.dataset.hiddenTemplate, { hidden: hidden }); }
      counter.textContent = text;
    }

    search.addEventListener("input", update);
    // Enter in the search field would send the whole form.
    search.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
    box.addEventListener("change", update);
    update();
  }

  // The admin loads a form's scripts in the page's head: wait for the page.
  function setUpAll() { document.querySelectorAll("[data-choice-filter]").forEach(setUp); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
