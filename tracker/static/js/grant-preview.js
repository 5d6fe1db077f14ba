/* Live grant preview: sends the mobility form to the server as the user types and shows
   the server's breakdown in the aria-live region. Without JavaScript the "Calculate grant"
   button does the same with a full page; the server's calculation is the truth either way. */
(function () {
  "use strict";
  var form = document.getElementById("mobility-form");
  var region = document.getElementById("grant-preview");
  if (!form || !region || !window.fetch) {
    return;
  }
  var url = form.getAttribute("data-preview-url");
  var timer = null;
  var latest = 0;

  function refresh() {
    var request = ++latest;
    fetch(url, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .then(function (html) {
        if (html !== null && request === latest) {
          region.innerHTML = html;
        }
      })
      .catch(function () {
        /* The preview is a courtesy: on a network error the button still works. */
      });
  }

  function schedule() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 300);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
})();
