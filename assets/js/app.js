// traindesk's page behaviour. Loaded as a file (the Content-Security-Policy
// forbids inline scripts); everything hangs off data- attributes.
(function () {
  "use strict";

  // Forms and buttons with data-confirm ask before they submit.
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    var btn = ev.submitter;
    var msg = (btn && btn.getAttribute("data-confirm")) || f.getAttribute("data-confirm");
    if (msg && !window.confirm(msg)) {
      ev.preventDefault();
    }
  }, true);

  // Elements with data-autosubmit submit their form when changed (filters).
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (el.hasAttribute && el.hasAttribute("data-autosubmit") && el.form) {
      el.form.requestSubmit();
    }
  });

  // Buttons with data-print open the browser's print dialog.
  document.addEventListener("click", function (ev) {
    if (ev.target.closest && ev.target.closest("[data-print]")) {
      window.print();
    }
  });

  // Flash messages can be dismissed.
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("[data-dismiss]");
    if (b) {
      var box = b.closest(".alert");
      if (box) box.remove();
    }
  });

  // htmx sends the CSRF token from the <body>'s hx-headers; refuse to let it
  // evaluate any script from attributes.
  if (window.htmx) {
    htmx.config.allowEval = false;
    htmx.config.allowScriptTags = false;
    htmx.config.includeIndicatorStyles = false;
  }
})();
