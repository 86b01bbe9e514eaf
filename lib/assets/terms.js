// A term's hint shows on hover and focus through CSS alone; this adds the Escape key, so a
// reader can put a hint away without moving the pointer or the focus (WCAG 2.2, 1.4.13).
(function () {
  "use strict";
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    document.querySelectorAll(".term:hover, .term:focus-within").forEach(function (term) {
      term.classList.add("hint-dismissed");
      function reset() {
        term.classList.remove("hint-dismissed");
        term.removeEventListener("mouseleave", reset);
        term.removeEventListener("focusout", reset);
      }
      term.addEventListener("mouseleave", reset);
      term.addEventListener("focusout", reset);
    });
  });
})();
