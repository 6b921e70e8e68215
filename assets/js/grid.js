// Tables of inputs marked data-keygrid move like a spreadsheet: Tab goes
// along a row (the browser's own order), Enter goes down the column and
// Shift+Enter up it. Enter never submits from inside the table, so a half
// typed sheet is not saved by accident; from the last row it moves to the
// form's submit button instead.
(function () {
  "use strict";

  function inputIn(row, col) {
    var cell = row && row.cells[col];
    return cell ? cell.querySelector("input:not([type=hidden]):not([disabled])") : null;
  }

  function gridInput(ev) {
    var el = ev.target;
    return el.tagName === "INPUT" && el.closest("table[data-keygrid]") ? el : null;
  }

  // A keypress of Enter is what submits a form implicitly; some input
  // methods send it even when the keydown was handled.
  document.addEventListener("keypress", function (ev) {
    if (ev.key === "Enter" && gridInput(ev)) ev.preventDefault();
  });

  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.isComposing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    var input = gridInput(ev);
    if (!input) return;
    var cell = input.closest("td, th");
    var row = cell.parentElement;
    var rows = Array.prototype.slice.call(row.parentElement.rows);
    var step = ev.shiftKey ? -1 : 1;
    ev.preventDefault();
    for (var i = rows.indexOf(row) + step; i >= 0 && i < rows.length; i += step) {
      var next = inputIn(rows[i], cell.cellIndex);
      if (next) {
        next.focus();
        next.select();
        return;
      }
    }
    if (!ev.shiftKey && input.form) {
      var submit = input.form.querySelector("[type=submit]");
      if (submit) submit.focus();
    }
  });
})();
