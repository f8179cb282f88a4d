/*
 * The plan's search: finds what readers type, in each edition, and lands on the paragraph.
 *
 * One file, three parts:
 *   1. the engine (folding, matching, ranking, highlights), pure functions, also loaded by the
 *      unit tests in tests/search/ under Node (module.exports at the end);
 *   2. the search dialog in the header (keyboard, live region, result list);
 *   3. on the page a result leads to (?q=…#paragraph): the query's words are marked there.
 *
 * The index (search/plan-search.json, written by generator/website/search/) holds every paragraph of
 * the edition as text, so matching is on whole strings, not on a segmenter's guesses: a
 * Chinese query that is a word or phrase of the text is found as a whole, in any script.
 */
(function (root) {
  "use strict";

  /* ---------- 1. Engine ---------- */

  var STOPWORDS = new Set(["a", "an", "and", "the", "of", "in", "on", "to", "for", "by", "with", "at", "as",
    "or", "is", "are", "be", "its", "it", "from", "into", "that", "this"]);

  /* British and American spellings fold to one form; each rule is [name, pattern, replacement]. */
  var SPELLING_RULES = [
    ["isation", /isation(s?)$/, "ization$1"],
    ["ise", /is(e|es|ed|ing|er|ers)$/, "iz$1"],
    ["yse", /ys(e|es|ed|ing)$/, "yz$1"],
    ["programme", /^programme(s?)$/, "program$1"],
    ["re-er", /([bt])re$/, "$1er"],
    ["our-or", /^(colour|labour|behaviour|favour|honour|neighbour|harbour|rumour)$/, ""],
    ["ence-ense", /^(licence|defence|offence|pretence)$/, ""],
    ["ogue-og", /^(catalogue|dialogue|analogue)$/, ""]
  ];
  var WORD_FORMS = {colour: "color", labour: "labor", behaviour: "behavior", favour: "favor", honour: "honor",
    neighbour: "neighbor", harbour: "harbor", rumour: "rumor", licence: "license", defence: "defense",
    offence: "offense", pretence: "pretense", catalogue: "catalog", dialogue: "dialog", analogue: "analog"};

  /* Plural (and third-person) -s folds to the singular. */
  function singular(word) {
    if (word.length <= 3 || /\d/.test(word)) return word;
    if (/ies$/.test(word) && word.length > 4) return word.slice(0, -3) + "y";
    if (/(ss|x|ch|sh|z)es$/.test(word)) return word.slice(0, -2);
    if (/(ss|us|is)$/.test(word)) return word;
    if (/s$/.test(word)) return word.slice(0, -1);
    return word;
  }

  /* One English word, lower case, in its folded (singular, American) form. */
  function foldWord(word) {
    var w = singular(word.toLowerCase());
    if (WORD_FORMS[w]) return WORD_FORMS[w];
    for (var i = 0; i < SPELLING_RULES.length; i++) {
      var rule = SPELLING_RULES[i];
      if (rule[2] && rule[1].test(w)) return w.replace(rule[1], rule[2]);
    }
    return w;
  }

  /* A character table "aAbB…" (each variant followed by its canonical form) as a Map. */
  function foldTable(pairs) {
    var map = new Map();
    var chars = Array.from(pairs || "");
    for (var i = 0; i + 1 < chars.length; i += 2) map.set(chars[i], chars[i + 1]);
    return map;
  }

  /* Chinese text folded character by character (same length, so offsets carry over):
     Traditional and variant characters to the Simplified form, full-width Latin to ASCII,
     Latin to lower case. */
  function foldChinese(text, table) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      var code = c.charCodeAt(0);
      if (code >= 0xD800 && code <= 0xDBFF) { out += c + (text[i + 1] || ""); i++; continue; }
      if (code >= 0xFF01 && code <= 0xFF5E) c = String.fromCharCode(code - 0xFEE0);
      else if (code === 0x3000) c = " ";
      out += table.get(c) || c.toLowerCase();
    }
    return out;
  }

  /* English text as words: [{start, end, word (folded)}]. */
  function englishTokens(text) {
    var tokens = [];
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text))) tokens.push({start: m.index, end: m.index + m[0].length, word: foldWord(m[0])});
    return tokens;
  }

  function countOf(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (needle && at >= 0) { n++; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function spansOf(haystack, needle) {
    var spans = [], at = haystack.indexOf(needle);
    while (needle && at >= 0) { spans.push([at, at + needle.length]); at = haystack.indexOf(needle, at + needle.length); }
    return spans;
  }

  /* Cut a Chinese query part that is not in the text into pieces that are: the longest piece
     found anywhere in the edition first (a segmentation by the text itself, no dictionary). */
  function segment(part, corpus) {
    var pieces = [];
    var i = 0;
    while (i < part.length) {
      var len = part.length - i;
      while (len > 1 && corpus.indexOf(part.substr(i, len)) < 0) len--;
      pieces.push(part.substr(i, len));
      i += len;
    }
    return pieces;
  }

  /* An engine for one edition's index: {lang, fold, pages: [[url, title]], records: [[page, anchor, place, heading, text]]} */
  function Engine(index) {
    this.lang = index.lang;
    this.chinese = /^zh/.test(index.lang);
    this.table = foldTable(index.fold);
    this.pages = index.pages;
    this.records = index.records.map(function (r) {
      return {page: r[0], anchor: r[1], place: r[2], heading: r[3], text: r[4]};
    }, this);
    var self = this;
    this.records.forEach(function (r) { self.prepare(r); });
    this.corpus = this.chinese ? this.records.map(function (r) { return r.folded; }).join("\n") : "";
  }

  Engine.prototype.prepare = function (record) {
    if (this.chinese) record.folded = foldChinese(record.text, this.table);
    else {
      record.tokens = englishTokens(record.text);
      record.words = " " + record.tokens.map(function (t) { return t.word; }).join(" ") + " ";
    }
  };

  /* The query as {phrase, terms}: the whole query, and the terms every result must hold.
     Chinese: each space-separated part is a term if the edition has it whole; otherwise it is
     cut into the longest pieces the edition has, and a part that leaves a single character
     (a word the edition does not have, 量子 in 量子计算机) matches nothing. English: each
     space-separated part is a term (a hyphenated part, e-government, as the phrase "e government");
     stop words alone are no term. */
  Engine.prototype.parse = function (query) {
    var self = this;
    if (this.chinese) {
      var parts = foldChinese(query, this.table).split(/\s+/).filter(Boolean);
      var terms = [], impossible = false;
      parts.forEach(function (p) {
        if (self.corpus.indexOf(p) >= 0) { terms.push(p); return; }
        var pieces = segment(p, self.corpus);
        if (pieces.some(function (x) { return x.length < 2; }) || pieces.length === 1) impossible = true;
        terms.push.apply(terms, pieces);
      });
      return {phrase: parts.join(""), terms: terms.filter(function (t, i) { return terms.indexOf(t) === i; }),
        impossible: impossible};
    }
    var words = [], eterms = [];
    query.split(/\s+/).forEach(function (part) {
      var tokens = englishTokens(part).map(function (t) { return t.word; });
      if (!tokens.length) return;
      words.push.apply(words, tokens);
      if (tokens.length > 1 || !STOPWORDS.has(tokens[0])) eterms.push(tokens.join(" "));
    });
    return {phrase: words.join(" "), terms: eterms.length ? eterms : words.slice(0, 1), impossible: false};
  };

  Engine.prototype.count = function (record, term) {
    if (this.chinese) return countOf(record.folded, term);
    return countOf(record.words, " " + term + " ");
  };

  /* Ranked results: [{record, tier, spans}]. Every result holds every term of the query;
     those holding the whole query as written come first; then the most occurrences; then
     the shorter text (the denser match). */
  Engine.prototype.search = function (query) {
    var q = this.parse(query);
    if (!q.phrase || q.impossible) return [];
    var self = this;
    var results = [];
    this.records.forEach(function (record) {
      var phrase = self.count(record, q.phrase);
      var found = 0, total = 0;
      q.terms.forEach(function (t) { var n = self.count(record, t); if (n) { found++; total += n; } });
      if (!phrase && found < q.terms.length) return;
      results.push({record: record, tier: phrase ? 2 : 1, phrase: phrase, total: total});
    });
    results.sort(function (a, b) {
      return b.tier - a.tier || b.phrase - a.phrase || b.total - a.total ||
        a.record.text.length - b.record.text.length;
    });
    return results.map(function (r) { return {record: r.record, tier: r.tier, spans: self.highlights(r.record.text, q)}; });
  };

  /* Where to mark the query in `text`: the whole phrase where it occurs, else each word;
     never a single letter or a single character of a longer word. */
  Engine.prototype.highlights = function (text, q) {
    if (typeof q === "string") q = this.parse(q);
    if (this.chinese) {
      var folded = foldChinese(text, this.table);
      var spans = spansOf(folded, q.phrase);
      if (!spans.length) q.terms.forEach(function (t) {
        if (t.length > 1 || q.phrase.length === 1) spans = spans.concat(spansOf(folded, t));
      });
      return merge(spans);
    }
    var tokens = englishTokens(text);
    var words = q.phrase.split(" ");
    var out = [];
    for (var i = 0; i + words.length <= tokens.length; i++) {
      var all = true;
      for (var j = 0; j < words.length && all; j++) all = tokens[i + j].word === words[j];
      if (all) { out.push([tokens[i].start, tokens[i + words.length - 1].end]); i += words.length - 1; }
    }
    if (!out.length) q.terms.forEach(function (term) {
      var seq = term.split(" ");
      for (var i = 0; i + seq.length <= tokens.length; i++) {
        var all = true;
        for (var j = 0; j < seq.length && all; j++) all = tokens[i + j].word === seq[j];
        if (all && (seq.length > 1 || tokens[i].end - tokens[i].start > 1)) out.push([tokens[i].start, tokens[i + seq.length - 1].end]);
      }
    });
    return merge(out);
  };

  function merge(spans) {
    spans.sort(function (a, b) { return a[0] - b[0]; });
    var out = [];
    spans.forEach(function (s) {
      var last = out[out.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
      else out.push([s[0], s[1]]);
    });
    return out;
  }

  /* A window of `text` around its first highlight, as [{text, mark}] pieces. */
  function excerpt(text, spans, size) {
    var first = spans.length ? spans[0][0] : 0;
    var start = Math.max(0, first - Math.floor(size / 3));
    var end = Math.min(text.length, start + size);
    if (start > 0) { var sp = text.lastIndexOf(" ", start); if (first - sp < size / 2 && sp > 0) start = sp + 1; }
    var pieces = [];
    if (start > 0) pieces.push({text: "…", mark: false});
    var at = start;
    spans.forEach(function (s) {
      if (s[1] <= start || s[0] >= end) return;
      var a = Math.max(s[0], start), b = Math.min(s[1], end);
      if (a > at) pieces.push({text: text.slice(at, a), mark: false});
      pieces.push({text: text.slice(a, b), mark: true});
      at = b;
    });
    if (at < end) pieces.push({text: text.slice(at, end), mark: false});
    if (end < text.length) pieces.push({text: "…", mark: false});
    return pieces;
  }

  var api = {Engine: Engine, foldWord: foldWord, singular: singular, foldChinese: foldChinese,
    foldTable: foldTable, englishTokens: englishTokens, segment: segment, excerpt: excerpt,
    SPELLING_RULES: SPELLING_RULES};
  if (typeof module !== "undefined" && module.exports) { module.exports = api; return; }
  root.PlanSearch = api;

  /* ---------- 2. The search dialog ---------- */

  var doc = root.document;
  var form = doc.querySelector("form[data-plan-search]");
  var engine = null;
  var loading = null;

  function load() {
    if (!loading) {
      var url = form ? form.getAttribute("data-index") : doc.querySelector("[data-plan-search-index]").getAttribute("data-plan-search-index");
      loading = fetch(url).then(function (r) { return r.json(); }).then(function (index) { engine = new Engine(index); return engine; });
    }
    return loading;
  }

  function el(tag, attrs, children) {
    var e = doc.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) { e.append(c); });
    return e;
  }

  function resultLink(record, query) {
    var base = form.getAttribute("data-base");
    var page = engine.pages[record.page][0];
    return base + page + "?q=" + encodeURIComponent(query) + "#" + record.anchor;
  }

  if (form) {
    var toggle = doc.getElementById("__search");
    var input = form.querySelector("input[type=search]");
    var status = doc.querySelector("[data-plan-search-status]");
    var list = doc.querySelector("[data-plan-search-results]");
    var opener = doc.querySelector("[data-plan-search-open]");
    var texts = JSON.parse(form.getAttribute("data-texts"));
    var timer = null;

    /* Open or close the search. The result list is hidden while closed (on a desktop the closed
       box is transparent, not gone: its links must not take focus). */
    var setOpen = function (open) {
      if (toggle.checked !== open) toggle.checked = open;
      list.hidden = !open;
      if (opener) opener.setAttribute("aria-expanded", String(open));
    };

    var render = function () {
      var query = input.value.trim();
      list.textContent = "";
      if (!query) { status.textContent = ""; status.removeAttribute("data-query"); return Promise.resolve(); }
      return load().then(function () {
        if (input.value.trim() !== query) return;
        var results = engine.search(query);
        list.hidden = !toggle.checked;
        status.textContent = results.length === 0 ? texts.none :
          (results.length === 1 ? texts.one : texts.other.replace("#", String(results.length)));
        status.setAttribute("data-query", query);  // which query the count and list answer
        results.forEach(function (r) {
          var page = engine.pages[r.record.page];
          var head = r.record.heading || page[1];
          var pieces = excerpt(r.record.text, r.spans, engine.chinese ? 90 : 200).map(function (p) {
            return p.mark ? el("mark", {}, [p.text]) : p.text;
          });
          var parts = [el("h2", {"class": "plan-search__title"}, [head])];
          if (r.record.place) parts.push(el("p", {"class": "plan-search__place"}, [r.record.place]));
          parts.push(el("p", {"class": "plan-search__excerpt"}, pieces));
          var link = el("a", {"class": "md-search-result__link plan-search__link", href: resultLink(r.record, query)}, [
            el("article", {"class": "md-search-result__article md-typeset"}, parts)]);
          list.append(el("li", {"class": "md-search-result__item"}, [link]));
        });
      });
    };

    input.addEventListener("focus", function () { setOpen(true); load(); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(render, 120);
    });
    form.addEventListener("submit", function (e) {  // Enter in the box: the first result of what is typed now
      e.preventDefault();
      clearTimeout(timer);
      render().then(function () {
        var first = list.querySelector("a");
        if (first && first.href) root.location.href = first.href;
      });
    });
    form.addEventListener("reset", function () {
      setTimeout(function () { render(); input.focus(); }, 0);
    });
    if (opener) opener.addEventListener("click", function () { setOpen(true); input.focus(); });

    var links = function () { return Array.prototype.slice.call(list.querySelectorAll("a")); };
    doc.addEventListener("keydown", function (e) {
      if (e.metaKey || e.ctrlKey || e.altKey) return;
      var inSearch = form.contains(doc.activeElement) || list.contains(doc.activeElement);
      var editing = /^(INPUT|TEXTAREA|SELECT)$/.test((doc.activeElement || {}).tagName || "") || (doc.activeElement || {}).isContentEditable;
      if (!inSearch) {
        if (!editing && (e.key === "/" || e.key === "s" || e.key === "f")) {
          e.preventDefault(); e.stopImmediatePropagation(); setOpen(true); input.focus();
        }
        return;
      }
      var all = links();
      var at = all.indexOf(doc.activeElement);
      if (e.key === "Escape") {
        e.preventDefault(); e.stopImmediatePropagation();
        setOpen(false); input.blur();
        if (opener && root.getComputedStyle(opener).display !== "none") opener.focus();
      } else if (e.key === "ArrowDown" && all.length) {
        e.preventDefault(); e.stopImmediatePropagation(); all[Math.min(at + 1, all.length - 1)].focus();
      } else if (e.key === "ArrowUp" && all.length) {
        e.preventDefault(); e.stopImmediatePropagation();
        if (at <= 0) input.focus(); else all[at - 1].focus();
      }
    }, true);
    toggle.addEventListener("change", function () { setOpen(toggle.checked); if (toggle.checked) input.focus(); });
    doc.addEventListener("click", function (e) {
      if (toggle.checked && !form.closest(".md-search").contains(e.target) && !(opener && opener.contains(e.target))) setOpen(false);
    });
  }

  /* ---------- 3. The page a result leads to ---------- */

  var params = new URLSearchParams(root.location.search);
  var landing = params.get("q");
  if (landing) {
    var target = (root.location.hash && doc.getElementById(decodeURIComponent(root.location.hash.slice(1)))) ||
      doc.querySelector("article.md-content__inner");
    if (target && (form || doc.querySelector("[data-plan-search-index]"))) {
      load().then(function () { markIn(target, landing); });
    }
  }

  /* The elements a result's anchor stands for: the element itself, and for a heading the
     text under it up to the next heading (a glossary definition). */
  function scope(element) {
    var out = [element];
    if (/^H[1-6]$/.test(element.tagName)) {
      for (var e = element.nextElementSibling; e && !/^H[1-6]$/.test(e.tagName); e = e.nextElementSibling) out.push(e);
    }
    return out;
  }

  function markIn(element, query) {
    scope(element).forEach(function (part) { markText(part, query); });
    if (element.scrollIntoView && root.location.hash) element.scrollIntoView({block: "start"});
  }

  function markText(element, query) {
    var walker = doc.createTreeWalker(element, NodeFilter.SHOW_TEXT, {acceptNode: function (n) {
      return n.parentElement.closest(".headerlink, .plan-marker, .plan-used-in, mark, script, style") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }});
    var nodes = [], text = "", n;
    while ((n = walker.nextNode())) { nodes.push({node: n, start: text.length}); text += n.data; }
    var spans = engine.highlights(text, query);
    for (var i = spans.length - 1; i >= 0; i--) {
      for (var k = nodes.length - 1; k >= 0; k--) {
        var nd = nodes[k], len = nd.node.data.length;
        var a = Math.max(spans[i][0], nd.start), b = Math.min(spans[i][1], nd.start + len);
        if (a >= b) continue;
        var range = doc.createRange();
        range.setStart(nd.node, a - nd.start);
        range.setEnd(nd.node, b - nd.start);
        var mark = doc.createElement("mark");
        mark.className = "plan-search__mark";
        range.surroundContents(mark);
      }
    }
  }
})(typeof window !== "undefined" ? window : this);
