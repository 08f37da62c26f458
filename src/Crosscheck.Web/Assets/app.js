// Filters the claims ledger as the selects change, without a round trip. Without this script the
// same form filters on the server.
(function () {
  "use strict";
  var form = document.getElementById("claim-filter");
  if (!form) return;
  // A ledger too big to send whole is filtered and paged by the server: a change reloads it.
  if (form.dataset.filter === "server") {
    form.addEventListener("change", function () { form.submit(); });
    return;
  }
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.claim"));
  var count = document.getElementById("claim-count");
  function originsMatch(wanted, origins) {
    if (!wanted) return true;
    if (wanted.charAt(wanted.length - 1) === "+") return origins >= parseInt(wanted, 10);
    return origins === parseInt(wanted, 10);
  }
  function apply() {
    var status = form.elements.status.value;
    var origins = form.elements.origins.value;
    var speaker = form.elements.speaker.value.trim().toLowerCase();
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!status || row.dataset.status === status)
        && originsMatch(origins, parseInt(row.dataset.origins, 10))
        && (!speaker || row.dataset.speaker.indexOf(speaker) >= 0);
      row.hidden = !visible;
      if (visible) shown++;
    });
    if (count) count.textContent = shown + " of " + rows.length + " claims";
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(); });
})();
