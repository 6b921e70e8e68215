// The news item page. "Copy text" puts an item's text on the clipboard;
// "Draft again from the record" puts a fresh draft from the training's
// record in the box, after asking, for the officer to save or leave.
// Loaded as a file: the Content-Security-Policy forbids inline scripts.
(function () {
  "use strict";

  document.querySelectorAll("[data-news-js]").forEach(function (b) { b.hidden = false; });

  // say writes a result in the status line of the button's item.
  function say(btn, text) {
    var status = btn.closest("form").querySelector(".news-status");
    if (status) status.textContent = text;
  }

  // copyText copies with the clipboard API where the page may use it, and
  // else by selecting the text, as older browsers allow.
  function copyText(box) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(box.value).catch(function () { return selectCopy(box); });
    }
    return selectCopy(box);
  }

  function selectCopy(box) {
    box.focus();
    box.select();
    return document.execCommand("copy") ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  document.addEventListener("click", function (ev) {
    var copy = ev.target.closest && ev.target.closest("[data-copy]");
    if (copy) {
      var box = document.getElementById(copy.getAttribute("data-copy"));
      copyText(box).then(function () { say(copy, copy.getAttribute("data-done")); },
        function () { say(copy, copy.getAttribute("data-failed")); });
      return;
    }
    var redraft = ev.target.closest && ev.target.closest("[data-redraft]");
    if (redraft) {
      var id = redraft.getAttribute("data-redraft");
      var target = document.getElementById(id);
      var draft = document.getElementById("draft-" + id).content.textContent;
      if (target.value !== draft && !window.confirm(redraft.getAttribute("data-ask"))) return;
      target.value = draft;
      target.focus();
      say(redraft, redraft.getAttribute("data-done"));
    }
  });
})();
