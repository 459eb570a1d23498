// Quick exit: pressing Shift three times within two seconds leaves the site, and leaving
// replaces this page in the history so Back does not return to it. Works without this file too:
// the "Snel weg" link goes to the same place.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) { return; }
  var leave = function (event) {
    if (event) { event.preventDefault(); }
    window.location.replace(link.href);
  };
  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { return; }
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < 2000; });
    presses.push(now);
    if (presses.length >= 3) { leave(); }
  });
})();
