// The participants' questionnaire page. What is typed is kept on the phone
// (localStorage) as it is typed, and the answers are sent in the
// background: when the network fails, they stay on the phone and are sent
// again as soon as the browser is back online. They are forgotten only
// once the server has confirmed them.
(function () {
  "use strict";
  var key = "traindesk-quiz:" + location.pathname;
  var pending = false;

  function store(form) {
    var data = [];
    new FormData(form).forEach(function (v, k) {
      if (k !== "_csrf") data.push([k, String(v)]);
    });
    try { localStorage.setItem(key, JSON.stringify(data)); } catch (e) { /* private mode: nothing kept */ }
  }

  // restore puts back what was typed before a reload, unless the server
  // has just shown the form with what was sent (after a mistake).
  function restore(form) {
    if (form.dataset.fresh !== "true") return;
    var data;
    try { data = JSON.parse(localStorage.getItem(key) || "[]"); } catch (e) { return; }
    var cleared = {};
    data.forEach(function (p) {
      var els = form.querySelectorAll('[name="' + p[0] + '"]');
      els.forEach(function (el) {
        if (el.type === "radio" || el.type === "checkbox") {
          if (!cleared[p[0]]) { el.checked = false; }
          if (el.value === p[1]) el.checked = true;
        } else if (el.value === "") {
          el.value = p[1];
        }
      });
      cleared[p[0]] = true;
    });
  }

  function say(form, text) {
    var s = document.getElementById("quiz-status");
    if (s) s.textContent = text;
  }

  function send(form) {
    say(form, form.dataset.sending);
    var body = new URLSearchParams(new FormData(form));
    fetch(location.pathname, { method: "POST", body: body, credentials: "same-origin" })
      .then(function (res) {
        return res.text().then(function (html) {
          if (res.ok && res.redirected) {
            try { localStorage.removeItem(key); } catch (e) { /* nothing kept */ }
            location.replace(res.url);
            return;
          }
          // A mistake or a refusal: show the server's page; what was
          // typed stays on the phone until an answer is confirmed.
          var doc = new DOMParser().parseFromString(html, "text/html");
          document.title = doc.title;
          document.body.replaceWith(doc.body);
          init();
        });
      })
      .catch(function () {
        pending = true;
        say(form, form.dataset.offline);
        // The "online" event does not come on a network that is up but
        // does not answer: try again every few seconds as well.
        setTimeout(retry, 5000);
      });
  }

  function init() {
    var form = document.getElementById("quiz-form");
    if (!form) return;
    restore(form);
    form.addEventListener("input", function () { store(form); });
    form.addEventListener("change", function () { store(form); });
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      store(form);
      send(form);
    });
  }

  function retry() {
    var form = document.getElementById("quiz-form");
    if (pending && form) { pending = false; send(form); }
  }

  window.addEventListener("online", retry);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
