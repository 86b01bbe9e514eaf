// Client-side search over window.KATLAS_SEARCH (assets/search-index.js); works from file:// too.
(function () {
  "use strict";
  var index = window.KATLAS_SEARCH || [];
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;

  function fold(text) {
    return String(text).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Title and alias matches rank above summary matches; every word must match somewhere.
  function score(entry, words) {
    var title = fold(entry.t), aliases = fold((entry.a || []).concat(entry.p || []).join(" ")), summary = fold(entry.s);
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (title.indexOf(w) === 0) total += 10;
      else if (title.indexOf(w) > 0) total += 6;
      else if (aliases.indexOf(w) >= 0) total += 4;
      else if (summary.indexOf(w) >= 0) total += 1;
      else return 0;
    }
    return total;
  }

  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    return index
      .map(function (entry, i) { return { entry: entry, score: score(entry, words), i: i }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.i - b.i; })
      .slice(0, 20);
  }

  function render(query) {
    var hits = search(query);
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
    if (!query.trim()) status.textContent = "";
    else status.textContent = hits.length ? hits.length + (hits.length === 1 ? " result" : " results") + " for “" + query + "”"
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
