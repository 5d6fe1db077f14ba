/* The mobility form without reloading the page: choosing a KA171 project narrows the partner
   list to that project's partners, and choosing a partner shows the distance band the map
   proposes (and takes it while the band is empty or still the previous proposal). Without
   JavaScript the "Show this project's partners" and "Calculate grant" buttons do the same
   with a full page; the server decides the choices and the proposal either way. */
(function () {
  "use strict";
  var form = document.getElementById("mobility-form");
  if (!form || !window.fetch) {
    return;
  }
  var project = form.querySelector("select[name=project_id]");
  var partner = form.querySelector("select[name=organisation_id]");
  var band = form.querySelector("select[name=distance_band]");
  var proposal = document.getElementById("band-proposal");
  var showPartners = document.getElementById("show-partners");

  function fragment(url) {
    return fetch(url, { credentials: "same-origin", headers: { "X-Requested-With": "fetch" } })
      .then(function (response) {
        return response.ok ? response.text() : null;
      })
      .catch(function () {
        return null; /* A courtesy: on a network error the buttons still work. */
      });
  }

  function proposedBand() {
    var text = proposal && proposal.querySelector("[data-band]");
    return text ? text.getAttribute("data-band") : "";
  }

  function changed(select) {
    select.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function refreshPartners() {
    var url = form.getAttribute("data-partners-url") +
      "?project_id=" + encodeURIComponent(project.value) +
      "&keep=" + encodeURIComponent(form.getAttribute("data-keep") || "");
    fragment(url).then(function (html) {
      if (html === null) {
        return;
      }
      var chosen = partner.value;
      partner.innerHTML = html;
      partner.value = chosen;
      if (partner.value !== chosen) {
        partner.value = "0";
        changed(partner);
      }
    });
  }

  function refreshProposal() {
    var before = proposedBand();
    var url = form.getAttribute("data-band-url") +
      "?organisation_id=" + encodeURIComponent(partner.value);
    fragment(url).then(function (html) {
      if (html === null) {
        return;
      }
      proposal.innerHTML = html;
      var proposed = proposedBand();
      if (proposed && proposed !== band.value && (band.value === "" || band.value === before)) {
        band.value = proposed;
        changed(band);
      }
    });
  }

  if (project && partner) {
    if (showPartners) {
      showPartners.parentNode.hidden = true; /* the list follows the project by itself */
    }
    project.addEventListener("change", refreshPartners);
  }
  if (partner && band && proposal) {
    partner.addEventListener("change", refreshProposal);
  }
})();
