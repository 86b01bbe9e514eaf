// Client-side search over window.KATLAS_SEARCH (assets/search-index.js); works from file:// too.
(function () {
  "use strict";
  var index = window.KATLAS_SEARCH || { entries: [], words: {} };
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;

  // The ranking of Atlas::search() (lib/src/atlas/search_index.cpp) over the index it ranks
  // with, step for step, so that the site and `katlas search` give the same results; a test
  // runs one list of queries through both (tests/browser/site.test.mjs).

  // text/fold.cpp: base letters for U+00C0..U+00FF and U+0100..U+017F; "-" where none.
  var LATIN1 = "aaaaaaaceeeeiiiidnooooo-ouuuuytsaaaaaaaceeeeiiiidnooooo-ouuuuyty";
  var EXT_A = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  var GREEK = { 0x3b1: "alpha", 0x391: "alpha", 0x3b2: "beta", 0x392: "beta", 0x3b3: "gamma", 0x393: "gamma",
                0x3b4: "delta", 0x394: "delta", 0x3ba: "kappa", 0x39a: "kappa", 0x3bc: "mu", 0x39c: "mu", 0xb5: "mu" };
  function base(cp) {
    if (cp < 0x80) {
      var c = String.fromCharCode(cp).toLowerCase();
      return /[a-z0-9]/.test(c) ? c : "";
    }
    if (cp >= 0xc0 && cp <= 0xff) return LATIN1.charAt(cp - 0xc0).replace("-", "");
    if (cp >= 0x100 && cp - 0x100 < EXT_A.length) return EXT_A.charAt(cp - 0x100);
    return GREEK[cp] || "";
  }
  function fold(text) {
    var out = "", pending = false;
    for (var ch of String(text)) {
      var cp = ch.codePointAt(0), c = base(cp);
      if (!c) { pending = out.length > 0; continue; }
      if (pending) out += " ";
      pending = false;
      out += c;
      if (cp === 0xdf) out += "s";
    }
    return out;
  }
  var STOP = ("a an and are as at be by can do does for from how i if in is it its me my of on or so that the this " +
              "to what when why will with you your should about there").split(" ");
  function stem(word) {
    var suffixes = ["ing", "ies", "ed", "es", "ly", "s"];
    for (var i = 0; i < suffixes.length; i++) {
      var suffix = suffixes[i];
      if (word.length >= suffix.length + 3 && word.endsWith(suffix)) {
        var out = word.slice(0, word.length - suffix.length);
        if (suffix === "ies") out += "y";
        if ((suffix === "ing" || suffix === "ed") && out.length >= 2 && out[out.length - 1] === out[out.length - 2] &&
            out[out.length - 1] !== "s" && out[out.length - 1] !== "l") out = out.slice(0, -1);
        if (suffix === "s" && (out.endsWith("s") || out.endsWith("u"))) return word;
        return out;
      }
    }
    return word;
  }
  // Optimal string alignment distance (text/edit_distance.cpp).
  function distance(a, b) {
    var prev2 = [], prev = [], cur = [], i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      cur = [i];
      for (j = 1; j <= b.length; j++) {
        cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) cur[j] = Math.min(cur[j], prev2[j - 2] + 1);
      }
      prev2 = prev;
      prev = cur;
    }
    return prev[b.length];
  }
  function typosAllowed(letters) { return letters >= 8 ? 2 : letters >= 5 ? 1 : 0; }

  var terms = Object.keys(index.words).sort();  // byte order: the terms are ASCII
  function has(word) { return Object.prototype.hasOwnProperty.call(index.words, word); }
  function known(term) {
    if (has(term)) return true;
    return term.length >= 4 && terms.some(function (t) { return t.startsWith(term); });
  }
  // A word found nowhere is taken for a typo of the closest word that is ("withdrawl").
  function corrected(text) {
    var changed = false;
    var out = fold(text).split(" ").filter(Boolean).map(function (word) {
      var term = stem(word), allowed = typosAllowed(term.length);
      if (STOP.indexOf(word) >= 0 || allowed === 0 || known(term)) return word;
      var best = null, bestDistance = allowed + 1;
      terms.forEach(function (candidate) {
        if (Math.abs(candidate.length - term.length) > allowed) return;
        var d = distance(term, candidate);
        if (d < bestDistance || (d === bestDistance && best !== null &&
                                 index.words[candidate].length > index.words[best].length)) {
          best = candidate;
          bestDistance = d;
        }
      });
      if (best === null) return word;
      changed = true;
      return best;
    });
    return changed ? out.join(" ") : text;
  }

  function search(typed, limit) {
    var entries = index.entries, n = entries.length;
    // No word but stop words ("the", "why does my"): nothing asked, so nothing found (as Atlas::search()).
    if (fold(typed).split(" ").every(function (w) { return !w || STOP.indexOf(w) >= 0; })) return [];
    var text = corrected(typed);
    var compact = fold(text).replace(/ /g, "");
    var score = new Array(n).fill(0), matched = new Array(n).fill(0), i;
    function nameScore(name, exact, prefix, contains) {
      if (name === compact) return exact;
      if (compact.length >= 2 && name.startsWith(compact)) return prefix;
      if (compact.length >= 3 && name.indexOf(compact) >= 0) return contains;
      return 0;
    }
    for (i = 0; i < n; i++) {
      var names = entries[i].n, best = nameScore(names[0], 100, 60, 40);
      for (var a = 1; a < names.length; a++) best = Math.max(best, nameScore(names[a], 90, 50, 35));
      score[i] += best;
    }
    var query = [];
    fold(text).split(" ").forEach(function (w) {
      if (w && STOP.indexOf(w) < 0 && query.indexOf(stem(w)) < 0) query.push(stem(w));
    });
    query.forEach(function (term) {
      var bestForTerm = new Array(n).fill(0);
      function add(word, factor) {
        var postings = index.words[word];
        for (var p = 0; p < postings.length; p += 2)
          bestForTerm[postings[p]] = Math.max(bestForTerm[postings[p]], postings[p + 1] * factor);
      }
      if (has(term)) add(term, 1);
      if (term.length >= 4) terms.forEach(function (t) { if (t !== term && t.startsWith(term)) add(t, 0.5); });
      for (var k = 0; k < n; k++) if (bestForTerm[k] > 0) { score[k] += bestForTerm[k]; matched[k]++; }
    });
    // Concepts that match more of the query's words rank higher than ones that match one word often.
    if (query.length > 1) for (i = 0; i < n; i++) score[i] *= 1 + matched[i] / query.length;
    var hits = [];
    for (i = 0; i < n; i++) if (score[i] > 0) hits.push({ entry: entries[i], score: score[i] });
    function order(x, y) { return x < y ? -1 : x > y ? 1 : 0; }
    hits.sort(function (x, y) { return y.score - x.score || order(x.entry.t, y.entry.t) || order(x.entry.i, y.entry.i); });
    return hits.slice(0, limit);
  }

  function render(query) {
    var hits = search(query, 20);
    list.textContent = "";
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = hit.entry.u;
      a.textContent = hit.entry.t;
      var kind = document.createElement("span");
      kind.className = "result-kind";
      kind.textContent = " " + hit.entry.k;
      var summary = document.createElement("p");
      summary.textContent = hit.entry.s;
      li.appendChild(a);
      li.appendChild(kind);
      li.appendChild(summary);
      list.appendChild(li);
    });
    // A typo taken for a known word is said, so the reader sees what was searched.
    var searched = corrected(query), fixed = searched !== query ? " (searched for “" + searched + "”)" : "";
    if (!query.trim()) status.textContent = "";
    else status.textContent = hits.length ? hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”" + fixed
                                          : "No results for “" + query + "”. Try a shorter word.";
    return hits.length;
  }

  // After a search (from the header box or Enter here) focus goes to the results, so one Tab
  // reaches the first of them; with none, back to the box to try another word. The page does
  // not scroll: the box and the count stay in sight above the list.
  function show(query) {
    if (render(query)) list.focus({ preventScroll: true });
    else input.focus();
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  // Arrow keys move between the input and the results; Enter follows a link as usual.
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" && links().length) { event.preventDefault(); links()[0].focus(); }
  });
  list.addEventListener("keydown", function (event) {
    var all = links(), at = all.indexOf(document.activeElement);
    if (at < 0) {  // the list itself has focus, after a search
      if (event.key === "ArrowDown" && all.length) { event.preventDefault(); all[0].focus(); }
      return;
    }
    if (event.key === "ArrowDown" && at + 1 < all.length) { event.preventDefault(); all[at + 1].focus(); }
    if (event.key === "ArrowUp") { event.preventDefault(); (at === 0 ? input : all[at - 1]).focus(); }
    if (event.key === "Escape") { input.focus(); }
  });
  input.addEventListener("input", function () { render(input.value); });
  input.form.addEventListener("submit", function (event) { event.preventDefault(); show(input.value); });

  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (query) { input.value = query; show(query); }
})();
