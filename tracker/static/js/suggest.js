// Suggestions as you type for the list filters that name a record (funding project,
// partner, owner): the field stays a plain text field the server resolves; this only
// fills its <datalist> from the field's data-suggest URL (JSON list of names), so the
// browser offers them the accessible way it offers any datalist.
(function () {
  "use strict";
  function attach(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer = null;
    var asked = "";
    if (!list) { return; }
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        var text = input.value.trim();
        if (text.length < 2 || text === asked) { return; }
        asked = text;
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(text), {credentials: "same-origin"})
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (names) {
            list.replaceChildren.apply(list, names.map(function (name) {
              var option = document.createElement("option");
              option.value = name;
              return option;
            }));
          })
          .catch(function () { /* no suggestions: the field still works as typed */ });
      }, 200);
    });
  }
  document.querySelectorAll("input[data-suggest]").forEach(attach);
})();
