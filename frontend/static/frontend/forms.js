// Helpers of the long forms. Each is optional: without JavaScript the forms still work.
(function () {
  "use strict";

  // Occupation picker (profile step 3): filter the grouped checkboxes by name or colloquial name.
  document.querySelectorAll("[data-occ-picker]").forEach(function (picker) {
    var input = picker.querySelector("[data-occ-filter]");
    if (!input) return;
    input.addEventListener("input", function () {
      var q = input.value.trim();
      picker.querySelectorAll("details").forEach(function (family) {
        var shown = 0;
        family.querySelectorAll("label[data-terms]").forEach(function (label) {
          var hit = !q || label.dataset.terms.indexOf(q) !== -1;
          label.hidden = !hit;
          if (hit) shown += 1;
        });
        family.hidden = shown === 0;
        if (q) family.open = shown > 0;
      });
    });
  });

  // Posting form: suggest the occupation from the title and description as the employer types.
  var form = document.querySelector("[data-suggest-url]");
  if (!form) return;
  var select = form.querySelector("select[data-suggest-target]");
  var title = form.querySelector("[name=title]");
  var description = form.querySelector("[name=description]");
  var box = form.querySelector("[data-suggestions]");
  if (!select || !title || !box) return;
  var chosenByHand = select.value !== "";
  var timer = null;

  select.addEventListener("change", function () { chosenByHand = select.value !== ""; });

  function render(suggestions) {
    box.textContent = "";
    if (!suggestions.length) return;
    var lead = document.createElement("span");
    lead.className = "muted";
    lead.textContent = "推荐工种：";
    box.appendChild(lead);
    suggestions.forEach(function (s) {
      var chip = document.createElement("button");
      chip.type = "button";
      chip.className = "chip";
      chip.textContent = s.name;
      chip.title = s.family + "（匹配“" + s.matched + "”）";
      chip.addEventListener("click", function () {
        select.value = String(s.occupation_id);
        chosenByHand = true;
      });
      box.appendChild(chip);
    });
    if (!chosenByHand) select.value = String(suggestions[0].occupation_id);
  }

  function ask() {
    var params = new URLSearchParams({ title: title.value, description: description ? description.value : "" });
    fetch(form.dataset.suggestUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
      .then(function (data) { render(data.suggestions || []); })
      .catch(function () { /* offline: the server suggests when the posting is saved */ });
  }

  function later() {
    clearTimeout(timer);
    timer = setTimeout(ask, 400);
  }
  title.addEventListener("input", later);
  if (description) description.addEventListener("input", later);
  if (title.value) ask();
})();
