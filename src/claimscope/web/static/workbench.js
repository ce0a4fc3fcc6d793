// Progressive enhancement for the article page: the pages work without this file (CSS :target
// shows a claim's panel); with it, a click opens the panel without jumping, marks every piece
// of the claim, and a link to a mention (#m-START-END) also opens that claim's panel.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") fn(); else document.addEventListener("DOMContentLoaded", fn);
  }
  ready(function () {
    var text = document.getElementById("text");
    var panels = document.getElementById("panels");
    if (!text || !panels) return;
    panels.classList.add("js");

    function pieces(claim) {
      return text.querySelectorAll('[data-claim="' + CSS.escape(claim) + '"]');
    }
    function open(claim, scrollPanel) {
      panels.querySelectorAll(".panel.open").forEach(function (p) { p.classList.remove("open"); });
      text.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
      var panel = document.getElementById("c-" + claim);
      if (!panel) return;
      panel.classList.add("open");
      pieces(claim).forEach(function (el) { el.classList.add("selected"); });
      if (scrollPanel) panels.scrollTop = 0;
    }
    text.addEventListener("click", function (event) {
      var el = event.target.closest("[data-claim]");
      if (!el) return;
      event.preventDefault();
      open(el.getAttribute("data-claim"), true);
      history.replaceState(null, "", "#c-" + el.getAttribute("data-claim"));
    });
    function fromHash() {
      var id = decodeURIComponent(location.hash.slice(1));
      if (!id) return;
      if (id.indexOf("c-") === 0) { open(id.slice(2), false); return; }
      var target = document.getElementById(id);
      if (!target || !text.contains(target)) return;
      text.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
      var claim = target.getAttribute("data-claim");
      if (claim) {
        pieces(claim).forEach(function (el) { el.classList.add("hl"); });
        open(claim, false);
      }
      target.scrollIntoView({block: "center"});
    }
    window.addEventListener("hashchange", fromHash);
    fromHash();
  });
})();
