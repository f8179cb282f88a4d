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
