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

  // The training form shows the period of the project chosen, and the
  // "save anyway" choice once a project is chosen.
  document.querySelectorAll("[data-project-period]").forEach(function (box) {
    var select = box.closest("form") && box.closest("form").querySelector("select[name=project_id]");
    if (!select) return;
    select.addEventListener("change", function () {
      box.querySelectorAll("[data-project]").forEach(function (line) {
        line.hidden = line.getAttribute("data-project") !== select.value;
      });
      var any = box.querySelector("[data-project-any]");
      if (any) any.hidden = !select.value;
    });
  });

  // A "tick everyone" box (data-pick-all=NAME, hidden until this script
  // shows it) ticks the boxes called NAME, and a counter
  // (data-pick-count=NAME) says how many are ticked.
  function picks(name) {
    return document.querySelectorAll("input[type=checkbox][name='" + name + "']");
  }
  function countPicks(name) {
    var n = 0;
    picks(name).forEach(function (b) { if (b.checked) n++; });
    document.querySelectorAll("[data-pick-count='" + name + "']").forEach(function (el) {
      el.textContent = n ? (el.getAttribute("data-text") || "").replace("%s", n) : "";
    });
    document.querySelectorAll("[data-pick-all='" + name + "']").forEach(function (all) {
      all.checked = n > 0 && n === picks(name).length;
      all.indeterminate = n > 0 && n < picks(name).length;
    });
  }
  document.querySelectorAll("[data-pick-all]").forEach(function (all) {
    all.hidden = false;
  });
  document.addEventListener("change", function (ev) {
    var el = ev.target;
    if (!el.matches || !el.matches("input[type=checkbox]")) return;
    var name = el.getAttribute("data-pick-all");
    if (name) {
      picks(name).forEach(function (b) { b.checked = el.checked; });
      countPicks(name);
    } else if (el.name && document.querySelector("[data-pick-count='" + el.name + "']")) {
      countPicks(el.name);
    }
  });

  // The menu of narrow screens (a <details>) closes with Escape and when a
  // click lands outside it. A browser that cannot show a closed details'
  // content keeps it open on wide screens, where it is the sidebar.
  var menu = document.querySelector("[data-nav-menu]");
  if (menu) {
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (ev) {
      if (menu.open && !menu.contains(ev.target) && window.matchMedia("(max-width: 1099px)").matches) menu.open = false;
    });
    if (window.CSS && CSS.supports && !CSS.supports("selector(::details-content)")) {
      var wide = window.matchMedia("(min-width: 1100px)");
      var follow = function () { menu.open = wide.matches; };
      follow();
      if (wide.addEventListener) wide.addEventListener("change", follow);
    }
  }

  // The service worker keeps roll-call pages for use without a network.
  // After sign-in the dashboard names today's sessions (data-precache):
  // they are fetched at once, so that the tablet has them before it walks
  // into a training room with no signal. Signing out forgets them.
  if ("serviceWorker" in navigator && window.isSecureContext) {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      var urls = [];
      document.querySelectorAll("[data-precache]").forEach(function (a) {
        urls.push(a.getAttribute("href"));
        var roster = a.getAttribute("data-precache");
        if (roster) urls.push(roster);
      });
      if (urls.length && reg.active) reg.active.postMessage({ type: "precache", urls: urls });
    }).catch(function () {});
    document.addEventListener("submit", function (ev) {
      if (ev.target.getAttribute("action") === "/logout" && navigator.serviceWorker.controller) {
        navigator.serviceWorker.controller.postMessage({ type: "forget" });
      }
    });
  }

  // htmx sends the CSRF token from the <body>'s hx-headers; refuse to let it
  // evaluate any script from attributes.
  if (window.htmx) {
    htmx.config.allowEval = false;
    htmx.config.allowScriptTags = false;
    htmx.config.includeIndicatorStyles = false;
  }
})();
