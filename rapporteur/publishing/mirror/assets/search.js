/* The mirror's search page: Pagefind's interface, when the mirror is served over HTTP(S).
   From file:// browsers refuse to load Pagefind's WebAssembly, so the page keeps its note. */
(function () {
  "use strict";
  if (location.protocol === "file:" || typeof PagefindUI === "undefined") return;
  var root = new URL("../../", document.currentScript.src);  // this file is static/mirror/search.js
  var ui = new PagefindUI({
    element: "#mirror-search",
    bundlePath: new URL("pagefind/", root).pathname,
    baseUrl: root.pathname,
    showImages: false
  });
  document.querySelectorAll("[data-file-note]").forEach(function (note) { note.hidden = true; });
  var query = new URLSearchParams(location.search).get("q");
  if (query) ui.triggerSearch(query);
})();
