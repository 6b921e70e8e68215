// Files dropped on the evidence form go into its file field, as if picked:
// the form is then sent as usual. Without this script (or without drag and
// drop) the file picker does the same.
(function () {
  "use strict";

  document.querySelectorAll("form[data-drop]").forEach(function (form) {
    var input = form.querySelector('input[type="file"]');
    if (!input || !window.DataTransfer) return;
    var depth = 0; // dragenter/dragleave fire for every child crossed
    form.addEventListener("dragenter", function (ev) {
      ev.preventDefault();
      depth++;
      form.classList.add("is-dragging");
    });
    form.addEventListener("dragleave", function () {
      depth = Math.max(0, depth - 1);
      if (!depth) form.classList.remove("is-dragging");
    });
    form.addEventListener("dragover", function (ev) { ev.preventDefault(); });
    form.addEventListener("drop", function (ev) {
      ev.preventDefault();
      depth = 0;
      form.classList.remove("is-dragging");
      var dropped = ev.dataTransfer && ev.dataTransfer.files;
      if (!dropped || !dropped.length) return;
      // Dropped files join those already picked; the field holds them all.
      var all = new DataTransfer();
      Array.prototype.forEach.call(input.files || [], function (f) { all.items.add(f); });
      Array.prototype.forEach.call(dropped, function (f) { all.items.add(f); });
      input.files = all.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    });
  });
})();
