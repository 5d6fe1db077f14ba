// "Select every record on this page": a convenience over the row checkboxes of a list's bulk
// form. Without JavaScript the box stays hidden and each row is ticked by hand.
(function () {
  "use strict";
  const all = document.querySelector("[data-select-page]");
  if (!all) return;
  const rows = document.querySelectorAll('input[name="ids"][form="bulk"]');
  all.hidden = false;
  all.removeAttribute("name");
  all.addEventListener("change", function () {
    rows.forEach(function (row) { row.checked = all.checked; });
  });
})();
