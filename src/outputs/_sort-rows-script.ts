/**
 * The table sorting both HTML pages share (the validation report's rule table, the worklist's graded records), as
 * script text spliced into each page's only script: `sortRows(body, th, col, first)` sorts `body`'s rows by column
 * `col` of heading `th` (`data-type` `text` or numeric, a cell's `data-sort` before its text), `first` the direction of
 * a first click (1 ascending, -1 descending), a second click reversing it; ties keep the rows' `data-i` order, and an
 * empty numeric cell (no grade, no pass rate) sorts last in both directions.
 * @example `function sortBy(th, col) { sortRows(body, th, col, 1); }\n${SORT_ROWS_JS}`
 */
export const SORT_ROWS_JS = `  function sortRows(body, th, col, first) {
    var type = th.getAttribute('data-type');
    var now = th.getAttribute('aria-sort');
    var dir = now === 'ascending' ? -1 : now === 'descending' ? 1 : first;
    Array.prototype.forEach.call(th.parentNode.cells, function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', dir === 1 ? 'ascending' : 'descending');
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var c = compare(key(a, col, type), key(b, col, type), type !== 'text', dir);
      return c !== 0 ? c : Number(a.getAttribute('data-i')) - Number(b.getAttribute('data-i'));
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  function key(row, col, type) {
    var cell = row.cells[col];
    var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
    return type === 'text' ? v : v === '' ? NaN : Number(v);
  }
  function compare(x, y, numeric, dir) {
    if (numeric) {
      if (isNaN(x) || isNaN(y)) return isNaN(x) === isNaN(y) ? 0 : isNaN(x) ? 1 : -1;
      return (x - y) * dir;
    }
    return x < y ? -dir : x > y ? dir : 0;
  }
`;
