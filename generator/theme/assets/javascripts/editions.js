// Keep the paragraph anchor (#id) when switching to another language edition: ids are shared.
(function () {
  function update() {
    document.querySelectorAll("a[data-edition]").forEach(function (link) {
      link.href = link.href.split("#")[0] + window.location.hash;
    });
  }
  window.addEventListener("hashchange", update);
  update();
})();

// Escape hides the glossary term tooltips (WCAG 1.4.13); moving on shows them again.
(function () {
  var root = document.documentElement;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") root.classList.add("plan-tips-dismissed");
  });
  ["pointermove", "focusin"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (type === "focusin" || event.movementX || event.movementY) root.classList.remove("plan-tips-dismissed");
    });
  });
})();
