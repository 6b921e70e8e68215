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
      // The count in the page's digits: Arabic-Indic on Arabic pages, as
      // the server writes them.
      var num = String(n);
      if (document.documentElement.lang === "ar") {
        num = num.replace(/[0-9]/g, function (d) { return String.fromCharCode(0x0660 + Number(d)); });
      }
      // The message's plural forms (data-forms), one picked by the
      // browser's plural rules for the page's language: Arabic has six.
      var forms = {};
      try { forms = JSON.parse(el.getAttribute("data-forms") || "{}"); } catch (e) { forms = {}; }
      var msg = forms[new Intl.PluralRules(document.documentElement.lang || "en").select(n)] || forms.other || "";
      el.textContent = n ? msg.replace("%s", num) : "";
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
  // into a training room with no signal.
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
  }

  // Signing out: the request is sent from here, so that with no network
  // the tablet says it will sign out once back online (and does) instead
  // of failing; the offline copy is removed, whole, only once the server
  // has ended the sign-in. Queued marks stay: they wait for their user.
  var SIGNOUT = "traindesk.signout", SIGNED_OUT = "traindesk.signedout";
  var signingOut = false;
  function logoutForm() { return document.querySelector("form[action='/logout']"); }
  function signOut(form) {
    if (signingOut || !form) return;
    signingOut = true;
    var ctl = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctl) ctl.abort(); }, 8000);
    fetch("/logout", {
      method: "POST", credentials: "same-origin", redirect: "manual", signal: ctl ? ctl.signal : undefined,
      body: new URLSearchParams(new FormData(form))
    }).then(function (res) {
      clearTimeout(timer);
      if (res.type !== "opaqueredirect" && !res.ok) {
        // The server answered otherwise: let it say what, the usual way.
        localStorage.removeItem(SIGNOUT);
        form.submit();
        return;
      }
      localStorage.removeItem(SIGNOUT);
      localStorage.setItem(SIGNED_OUT, JSON.stringify({ user: form.getAttribute("data-user"), at: Date.now() }));
      var gone = window.caches ? caches.delete("traindesk-pages").catch(function () {}) : Promise.resolve();
      return gone.then(function () { location.assign("/login"); });
    }, function () {
      clearTimeout(timer);
      signingOut = false;
      waitToSignOut(form);
    });
  }
  function waitToSignOut(form) {
    var box = document.getElementById("signout-wait");
    if (box) return;
    box = document.createElement("div");
    box.id = "signout-wait";
    box.className = "alert alert-warn";
    box.setAttribute("role", "status");
    var p = document.createElement("p");
    p.textContent = form.getAttribute("data-wait");
    var cancel = document.createElement("button");
    cancel.type = "button";
    cancel.className = "btn btn-sm";
    cancel.textContent = form.getAttribute("data-cancel");
    cancel.addEventListener("click", function () {
      localStorage.removeItem(SIGNOUT);
      box.remove();
    });
    box.appendChild(p);
    box.appendChild(cancel);
    var main = document.getElementById("main");
    if (main) main.insertBefore(box, main.firstChild);
  }
  // retrySignOut tries again a sign-out asked for with no network, if the
  // same user is still the one signed in here.
  function retrySignOut() {
    var form = logoutForm(), who = localStorage.getItem(SIGNOUT);
    if (!who || signingOut || !form) return;
    if (who !== form.getAttribute("data-user")) {
      localStorage.removeItem(SIGNOUT); // someone else signed in since: that ended the old sign-in
      return;
    }
    signOut(form);
  }
  document.addEventListener("submit", function (ev) {
    var f = ev.target;
    if (ev.defaultPrevented || f.getAttribute("action") !== "/logout" || !window.fetch) return;
    ev.preventDefault();
    localStorage.setItem(SIGNOUT, f.getAttribute("data-user") || "?");
    signOut(f);
  });
  window.addEventListener("online", retrySignOut);
  // Another tab did the sign-out this one was waiting to do: this one
  // leaves too.
  window.addEventListener("storage", function (ev) {
    var form = logoutForm();
    if (ev.key !== SIGNED_OUT || !ev.newValue || !form || !document.getElementById("signout-wait")) return;
    try {
      if (JSON.parse(ev.newValue).user === form.getAttribute("data-user")) location.assign("/login");
    } catch (e) { /* not ours */ }
  });
  setInterval(retrySignOut, 10000);
  if (localStorage.getItem(SIGNOUT) && logoutForm() && localStorage.getItem(SIGNOUT) === logoutForm().getAttribute("data-user")) {
    waitToSignOut(logoutForm());
  }
  retrySignOut();

  // htmx sends the CSRF token from the <body>'s hx-headers; refuse to let it
  // evaluate any script from attributes.
  if (window.htmx) {
    htmx.config.allowEval = false;
    htmx.config.allowScriptTags = false;
    htmx.config.includeIndicatorStyles = false;
  }
})();
