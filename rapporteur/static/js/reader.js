/* Progressive enhancement only: every feature here also works without JavaScript. */
(function () {
  "use strict";

  // "Jump to a Country Report": go as soon as a country is picked with the mouse or Enter.
  // Arrow keys only move the selection, so keyboard users are not sent away mid-choice.
  document.querySelectorAll("form[data-jump]").forEach(function (form) {
    var select = form.querySelector("select");
    var movingByKeyboard = false;
    select.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); if (select.value) form.submit(); return; }
      movingByKeyboard = /^(Arrow|Page|Home|End)/.test(event.key) || event.key.length === 1;
    });
    select.addEventListener("mousedown", function () { movingByKeyboard = false; });
    select.addEventListener("change", function () {
      if (!movingByKeyboard && select.value) form.submit();
    });
  });

  // The navigation's "Menu" disclosure: browsers that cannot keep it open on wide screens with
  // CSS alone (no ::details-content) get it opened here.
  if (window.CSS && !CSS.supports("selector(::details-content)") && window.matchMedia("(min-width: 48rem)").matches) {
    document.querySelectorAll("[data-nav-disclosure]").forEach(function (details) { details.open = true; });
  }

  // "Cite this entry": a copy button under the citation, the BibTeX and the CSL-JSON, where the
  // browser lets a page write to the clipboard (without it, readers select the text themselves).
  if (navigator.clipboard && window.isSecureContext) {
    document.querySelectorAll("[data-copy-label]").forEach(function (source) {
      var button = document.createElement("button");
      var label = source.getAttribute("data-copy-label");
      button.type = "button";
      button.className = "cite__copy";
      button.textContent = label;
      button.addEventListener("click", function () {
        var text = (source.querySelector("pre") || source).textContent.trim();
        navigator.clipboard.writeText(text).then(function () {
          button.textContent = "Copied";
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
      source.insertAdjacentElement("afterend", button);
    });
  }

  // Cookie notice: answer without leaving the page.
  document.querySelectorAll("[data-cookie-notice] form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.fetch) return;
      event.preventDefault();
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin", redirect: "manual" })
        .then(function () { form.closest("[data-cookie-notice]").remove(); })
        .catch(function () { form.submit(); });
    });
  });
})();
