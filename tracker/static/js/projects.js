// Progressive enhancement of the project form: hide "our role" unless the chosen
// action has a consortium (KA2). Without this script the field simply stays visible
// and the server ignores it for other actions.
(function () {
  "use strict";
  var form = document.querySelector("[data-project-form]");
  if (!form) { return; }
  var consortium = (form.getAttribute("data-consortium-actions") || "").split(" ");
  var action = form.querySelector("select[name=action]");
  var parts = form.querySelectorAll("[data-consortium-only]");
  function update() {
    var shown = consortium.indexOf(action.value) !== -1;
    parts.forEach(function (part) { part.hidden = !shown; });
  }
  action.addEventListener("change", update);
  update();
})();
