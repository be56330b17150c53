// Quick exit: leave for a neutral page without leaving this site in the back history.
// Keyboard shortcut: Escape. Works without this script as a plain link.
(function () {
  var exit = document.getElementById("quick-exit");
  if (!exit) return;
  function leave(event) {
    if (event) event.preventDefault();
    window.location.replace(exit.href);
  }
  exit.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") leave(event);
  });
})();
