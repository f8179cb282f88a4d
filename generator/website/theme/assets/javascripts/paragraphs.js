// The ¶ menu of each paragraph: copy its link, cite it, report a problem with it.
//
// Each paragraph ends with <a class="plan-plink" href="#id">四（三）2 ¶</a>: without this script it
// is a plain link to the paragraph. With it, activating the link opens a small dialog (a native
// <dialog>: focus moves into it, Escape closes it, focus returns to the link). The strings and the
// citation template come from the page (<div class="plan-menu-data" data-…>, one per edition
// shown), generated from data/site.yaml by generator/derive/citation.py. Copying uses the Clipboard API
// when it is there and allowed; otherwise the text is selected in its field and copied with
// execCommand("copy"), and if even that is refused the text stays selected with a hint to press
// Ctrl+C. The citation is built here exactly as generator/derive/citation.py builds it (`fill`).
(function () {
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December"];
  var dialogs = {};
  var counter = 0;

  function fill(template, fields) {
    return template.replace(/\{([a-z_]+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : whole;
    });
  }

  function accessed(style, now) {
    if (style === "dmy") return now.getDate() + " " + MONTHS[now.getMonth()] + " " + now.getFullYear();
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return now.getFullYear() + "-" + pad(now.getMonth() + 1) + "-" + pad(now.getDate());
  }

  function element(tag, attrs, text) {
    var el = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { el.setAttribute(k, attrs[k]); });
    if (text) el.textContent = text;
    return el;
  }

  // the data of the edition a link belongs to: its half of a parallel page, or the page's only one
  function dataFor(link) {
    var half = link.closest("[data-menu-edition]");
    var code = half && half.getAttribute("data-menu-edition");
    var all = document.querySelectorAll(".plan-menu-data");
    for (var i = 0; i < all.length; i++) {
      if (!code || all[i].getAttribute("data-edition") === code) return all[i].dataset;
    }
    return null;
  }

  function copy(field, button, status, data) {
    var text = field.value;
    function fallback() {
      field.focus();
      field.select();
      field.setSelectionRange(0, text.length);
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? data.copied : data.copyManually;
    }
    status.textContent = "";
    if (navigator.clipboard && navigator.clipboard.writeText && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () {
        status.textContent = data.copied;
        button.focus();
      }, fallback);
    } else {
      fallback();
    }
  }

  function build(data) {
    var n = ++counter;
    var dialog = element("dialog", {"class": "plan-pmenu", "lang": data.lang, "aria-labelledby": "plan-pmenu-title-" + n});
    var title = element("p", {"class": "plan-pmenu__title", "id": "plan-pmenu-title-" + n});
    var linkLabel = element("label", {"for": "plan-pmenu-link-" + n}, data.linkLabel);
    var link = element("input", {"id": "plan-pmenu-link-" + n, "type": "text", "readonly": "", "class": "plan-pmenu__field",
                                 "lang": "en", "dir": "ltr", "spellcheck": "false"});
    var copyLink = element("button", {"type": "button", "class": "plan-pmenu__button"}, data.copyLink);
    var citeLabel = element("label", {"for": "plan-pmenu-cite-" + n}, data.citeLabel);
    var cite = element("textarea", {"id": "plan-pmenu-cite-" + n, "readonly": "", "rows": "5", "class": "plan-pmenu__field",
                                    "aria-describedby": "plan-pmenu-style-" + n, "spellcheck": "false"});
    var style = element("p", {"class": "plan-pmenu__note", "id": "plan-pmenu-style-" + n}, data.citeStyle);
    var copyCite = element("button", {"type": "button", "class": "plan-pmenu__button"}, data.copyCitation);
    var status = element("p", {"class": "plan-pmenu__status", "role": "status", "aria-live": "polite"});
    var close = element("button", {"type": "button", "class": "plan-pmenu__close"}, data.close);
    dialog.append(title, linkLabel, link, copyLink, citeLabel, cite, style, copyCite);
    var report = null;
    if (data.reportUrl) {
      report = element("a", {"class": "plan-pmenu__report", "rel": "noopener"}, data.report);
      var p = element("p", {});
      p.append(report);
      dialog.append(p);
    }
    dialog.append(status, close);
    copyLink.addEventListener("click", function () { copy(link, copyLink, status, data); });
    copyCite.addEventListener("click", function () { copy(cite, copyCite, status, data); });
    close.addEventListener("click", function () { dialog.close(); });
    // a click on the backdrop (outside the dialog's box) closes it, as Escape does
    dialog.addEventListener("click", function (event) {
      var box = dialog.getBoundingClientRect();
      if (event.target === dialog && (event.clientX < box.left || event.clientX > box.right ||
                                      event.clientY < box.top || event.clientY > box.bottom)) dialog.close();
    });
    document.body.append(dialog);
    return {dialog: dialog, title: title, link: link, cite: cite, report: report, status: status, copyLink: copyLink};
  }

  function open(anchor, data) {
    var menu = dialogs[data.edition] || (dialogs[data.edition] = build(data));
    var id = anchor.getAttribute("href").slice(1);
    var place = anchor.querySelector(".plan-place").textContent;
    var page = new URL(data.page, window.location.href);
    page.hash = "";
    var url = page.href + "#" + id;
    menu.title.textContent = place;
    menu.link.value = url;
    menu.cite.value = fill(data.cite, {place: place, url: url, accessed: accessed(data.dateStyle, new Date())});
    menu.status.textContent = "";
    if (menu.report) {
      var fields = {id: id, place: place, url: url, edition: data.editionName, code: data.edition, br: "\n"};
      menu.report.href = data.reportUrl.replace(/\/$/, "") + "/issues/new?title=" +
        encodeURIComponent(fill(data.reportTitle, fields)) + "&body=" + encodeURIComponent(fill(data.reportBody, fields));
    }
    menu.dialog.onclose = function () { anchor.focus(); };
    menu.dialog.showModal();
    menu.copyLink.focus();
  }

  document.querySelectorAll("a.plan-plink").forEach(function (anchor) {
    anchor.setAttribute("aria-haspopup", "dialog");
  });
  document.addEventListener("click", function (event) {
    var anchor = event.target.closest && event.target.closest("a.plan-plink");
    if (!anchor || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
    var data = dataFor(anchor);
    if (!data || typeof HTMLDialogElement === "undefined") return;  // stays a plain link
    event.preventDefault();
    open(anchor, data);
  });
})();
