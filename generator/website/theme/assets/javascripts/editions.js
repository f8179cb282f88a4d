// The language switcher keeps the reader's place: each edition link points at the same page and
// the paragraph (or heading) the reader is looking at — the first one at the top of the window,
// below the header — whether or not the address names it. Ids are shared by all editions.
(function () {
  var PLACES = ".md-content :is(h1, h2, h3, h4, h5, h6, p, li, figure, tr, dt)[id]";
  var SCROLL_KEYS = ["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "];
  var movedByHand = false;  // since the address last named a paragraph
  function byHand() { movedByHand = true; }
  window.addEventListener("wheel", byHand, {passive: true});
  window.addEventListener("touchmove", byHand, {passive: true});
  document.addEventListener("keydown", function (event) {
    var t = event.target;
    if (SCROLL_KEYS.indexOf(event.key) >= 0 && !(t && t.closest && t.closest("input, textarea, select, .md-select"))) byHand();
  });
  document.addEventListener("pointerdown", function (event) {  // the scroll bar: a press on the page's own edge
    if (event.target === document.documentElement) byHand();
  });

  function placeInView() {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    if (window.scrollY < 2) return window.location.hash.slice(1);  // at the top: what the address says
    // the paragraph the address names: until the reader scrolls by hand (a late layout shift
    // moves the page without the reader), then while it is still in the upper half of the window
    // (the reader followed a link to it; the end of the one before may show above it)
    var named = window.location.hash ? document.getElementById(decodeURIComponent(window.location.hash.slice(1))) : null;
    if (named && !movedByHand) return named.id;
    if (named) {
      var own = named.getBoundingClientRect();
      if (own.bottom > top + 4 && own.top < window.innerHeight / 2) return named.id;
    }
    var places = document.querySelectorAll(PLACES);
    for (var i = 0; i < places.length; i++) {
      var box = places[i].getBoundingClientRect();
      if (box.height && box.bottom > top + 4) return places[i].id;
    }
    return "";
  }

  function update() {
    var id = placeInView();
    document.querySelectorAll("a[data-edition]").forEach(function (link) {
      link.href = link.href.split("#")[0] + (id ? "#" + encodeURIComponent(id) : "");
    });
  }

  var pending = null;
  window.addEventListener("scroll", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(update, 120);
  }, {passive: true});
  window.addEventListener("hashchange", function () { movedByHand = false; update(); });
  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-select")) update();
  });
  document.querySelectorAll("a[data-edition]").forEach(function (link) {
    link.addEventListener("pointerdown", update);
    link.addEventListener("click", update);  // the href is read after this handler has run
  });
  update();
})();

// The navigation drawer on narrow screens. Material's menu control is a <label> (no keyboard
// focus); partials/header.html has a <button> instead, which this ties to Material's drawer
// checkbox. Opening moves the focus into the drawer; Escape, or moving the focus out of it,
// closes it (and Escape gives the focus back to the button).
(function () {
  var toggle = document.getElementById("__drawer");
  var button = document.querySelector("[data-plan-drawer]");
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !button || !drawer) return;

  function sync() { button.setAttribute("aria-expanded", String(toggle.checked)); }
  function set(open) {
    if (toggle.checked !== open) toggle.click();  // Material listens to the checkbox's change event
    sync();
  }

  button.addEventListener("click", function () {
    set(!toggle.checked);
    if (toggle.checked) {
      var first = drawer.querySelector(".md-nav__list a[href]");
      if (first) first.focus();
    }
  });
  var close = drawer.querySelector("[data-plan-drawer-close]");
  if (close) close.addEventListener("click", function () {
    set(false);
    button.focus();
  });
  toggle.addEventListener("change", sync);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && toggle.checked) {
      set(false);
      button.focus();
    }
  });
  drawer.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (toggle.checked && next && !drawer.contains(next) && next !== button) set(false);
  });
  sync();
})();

// The colour scheme toggle (partials/palette.html): the visible <button> checks the radio button
// Material's palette script listens to, then the focus moves to the button now shown.
(function () {
  document.querySelectorAll("[data-plan-palette]").forEach(function (button) {
    // Material's form handles Enter itself (for its radios): it would switch twice and move the
    // focus to a hidden radio. The button's own click does it once.
    button.addEventListener("keydown", function (event) {
      if (event.key === "Enter") event.stopPropagation();
    });
    button.addEventListener("click", function () {
      var radio = document.getElementById(button.getAttribute("data-plan-palette"));
      if (!radio) return;
      radio.click();
      // the button after the radio now checked is the one to show (Material shows it too)
      var next = radio.nextElementSibling;
      if (next && next !== button) {
        next.hidden = false;
        button.hidden = true;
        next.focus();
      }
    });
  });
})();

// Wide tables: a line above each table that is wider than its region says that it scrolls
// sideways (the region's shadows show on which side); the text, in the edition's language, is
// in the page's <meta name="plan:table-scroll-hint"> (main.html), or the region's own
// data-scroll-hint.
(function () {
  var wraps = document.querySelectorAll(".plan-table-wrap");
  var meta = document.querySelector('meta[name="plan:table-scroll-hint"]');
  if (!wraps.length) return;
  function mark() {
    wraps.forEach(function (wrap) {
      var scrolls = wrap.scrollWidth > wrap.clientWidth + 1;
      var hint = wrap.previousElementSibling;
      var has = hint && hint.classList.contains("plan-scroll-hint");
      if (scrolls && !has) {
        hint = document.createElement("p");
        hint.className = "plan-scroll-hint";
        hint.textContent = wrap.getAttribute("data-scroll-hint") || (meta && meta.getAttribute("content")) || "";
        wrap.parentNode.insertBefore(hint, wrap);
      } else if (!scrolls && has) {
        hint.remove();
      }
    });
  }
  var pending = null;
  function later() {
    if (pending) clearTimeout(pending);
    pending = setTimeout(mark, 100);
  }
  window.addEventListener("resize", later);
  if (window.ResizeObserver) {  // fonts arriving late change a table's width, not the window's
    var observer = new ResizeObserver(mark);  // called at most once a frame
    wraps.forEach(function (wrap) { observer.observe(wrap.firstElementChild || wrap); });
  }
  mark();
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

// The search (plan-search.js, issue 17) opens its full-page overlay when its box takes the focus
// and closed it only on a click or Escape: tabbing on left it open, covering whatever took the
// focus next (WCAG 2.4.11). The focus moving anywhere outside the search closes it.
(function () {
  var toggle = document.getElementById("__search");
  var box = document.querySelector(".md-search");
  if (!toggle || !box) return;
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!toggle.checked || box.contains(target) || (target.closest && target.closest("[data-plan-search-open]"))) return;
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  });
})();
