// Full-text search of the course site, offline: the index is a script (search-index.js, built
// by tools/build_site.py) so it loads from file:// too, with no server and no network.
(function () {
  "use strict";
  var box = document.getElementById("course-search-box");
  var list = document.getElementById("course-search-results");
  var index = window.COURSE_SEARCH_INDEX || [];
  if (!box || !list) { return; }

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9_\u00c0-\u024f]+/).filter(function (w) { return w; });
  }

  function snippet(text, word) {
    var at = text.toLowerCase().indexOf(word);
    var start = Math.max(0, at - 60);
    return (start > 0 ? "\u2026" : "") + text.slice(start, start + 160) + "\u2026";
  }

  function show(query) {
    var wanted = words(query);
    list.textContent = "";
    if (!wanted.length) { list.classList.remove("open"); return; }
    var hits = index.filter(function (entry) {
      var text = entry.lower || (entry.lower = (entry.heading + " " + entry.text).toLowerCase());
      return wanted.every(function (w) { return text.indexOf(w) >= 0; });
    });
    var ul = document.createElement("ul");
    hits.slice(0, 50).forEach(function (entry) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = entry.url;
      a.textContent = entry.page + " \u203a " + entry.heading;
      var p = document.createElement("div");
      p.className = "snippet";
      p.textContent = snippet(entry.text, wanted[0]);
      li.appendChild(a);
      li.appendChild(p);
      ul.appendChild(li);
    });
    var count = document.createElement("p");
    count.textContent = hits.length ? hits.length + " section(s) found" : "Nothing found for \u201c" + query + "\u201d";
    list.appendChild(count);
    list.appendChild(ul);
    list.classList.add("open");
  }

  box.addEventListener("input", function () { show(box.value); });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { box.value = ""; show(""); }
  });
  var query = new URLSearchParams(window.location.search).get("q");
  if (query) { box.value = query; show(query); }
})();
