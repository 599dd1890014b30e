// Gable console: the little the pages need beyond HTML (no inline scripts: the
// Content-Security-Policy forbids them). Times are shown in the browser's time zone, the
// "Copy" buttons copy, and confirmations ask before a destructive form is sent.
(function () {
  "use strict";
  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      if (el.dataset.localized) return;
      var at = new Date(el.getAttribute("datetime"));
      if (isNaN(at)) return;
      el.textContent = at.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
      el.title = el.getAttribute("datetime");
      el.dataset.localized = "1";
    });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var source = document.getElementById(button.dataset.copy);
    if (!source) return;
    var text = source.value !== undefined ? source.value : source.textContent;
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = "Copy"; }, 2000);
    });
  });
  // A `datetime-local` value has no zone: send the offset of the browser's zone at that
  // instant (daylight saving included) beside it, and name the zone in the labels.
  function localZones(root) {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    root.querySelectorAll("[data-zone-name]").forEach(function (el) { el.textContent = "(" + zone + ")"; });
  }
  document.addEventListener("submit", function (event) {
    var message = event.target.dataset.confirm;
    if (message && !window.confirm(message)) { event.preventDefault(); return; }
    event.target.querySelectorAll("input[data-zone]").forEach(function (input) {
      var offset = event.target.querySelector("input[name='" + input.dataset.zone + "']");
      var at = new Date(input.value);
      if (offset) offset.value = input.value && !isNaN(at) ? String(at.getTimezoneOffset()) : "";
    });
  }, true);
  document.addEventListener("DOMContentLoaded", function () { localTimes(document); localZones(document); });
  document.addEventListener("htmx:load", function (event) { localTimes(event.target); localZones(event.target); });
})();
