import { HTML_STYLE, htmlCsp } from './_html-assets.js';
import { SORT_ROWS_JS } from './_sort-rows-script.js';

/*
 * The worklist page's own style and script, added to the report's stylesheet. Fixed strings, so the page's CSP allows
 * exactly them by hash, as the report's does.
 */

/**
 * What the worklist page adds to the report's stylesheet: the filter bar, group headings, grade colours, print.
 * @example `<style>${WORKLIST_STYLE}</style>` // exactly, or its CSP hash no longer matches
 */
export const WORKLIST_STYLE = `
[hidden]{display:none!important}
html:not(.js) th .arrow{display:none}html:not(.js) th button{cursor:default}
.filter{display:flex;flex-wrap:wrap;align-items:center;gap:8px 14px;margin:0 0 18px;padding:10px 16px;background:var(--card);border:1px solid var(--line);border-radius:10px;position:sticky;top:0;z-index:1;box-shadow:0 1px 3px rgba(15,42,74,.08)}
.filter label{font-weight:600}
.filter input{font:inherit;padding:6px 10px;border:1px solid #cbd5e1;border-radius:6px;width:min(360px,100%)}
.filter input:focus{outline:2px solid var(--accent);outline-offset:1px;border-color:var(--accent)}
.filter .muted b{color:var(--ink)}
.group h2{display:flex;flex-wrap:wrap;gap:4px 10px;align-items:baseline;font-size:17px}
.group h2 .col{color:var(--muted);font-weight:500;font-size:13px}
.counts{display:flex;flex-wrap:wrap;gap:6px 8px;align-items:center;margin:2px 0 10px;font-size:13px}
.counts .crit b{font-variant-numeric:tabular-nums}.counts .crit.zero{background:#f6f7f9;color:#9ca3af}
.counts .crit.some{background:#fee2e2;color:#991b1b}
td.hit{background:#fff5f5}
table.graded td code.id{font-size:12px}
@media print{.filter{display:none}.group{break-inside:auto}.group h2{break-after:avoid}td.hit{background:none}}
`;

/**
 * The worklist page's only script: shows the filter bar (without JavaScript the page is a static list), filters rows
 * by key, rule or group as the clerk types, and sorts a group's table when a heading is clicked.
 * @example `<script>${WORKLIST_SCRIPT}</script>` // exactly, or its CSP hash no longer matches
 */
export const WORKLIST_SCRIPT = `
(function () {
  'use strict';
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var bar = document.getElementById('filter-bar');
  var input = document.getElementById('filter');
  var shown = document.getElementById('shown');
  var none = document.getElementById('none');
  var groups = document.querySelectorAll('section.group');
  // Sort arrows show only where sorting works.
  document.documentElement.className = 'js';
  each(document.querySelectorAll('table.graded'), function (table) {
    each(table.tHead.rows[0].cells, function (th, col) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(table.tBodies[0], th, col); });
    });
  });
  if (bar && input) {
    bar.hidden = false;
    input.addEventListener('input', apply);
    apply();
  }
  function apply() {
    var q = input.value.trim().toLowerCase();
    var total = 0;
    each(groups, function (g) {
      // A group whose name matches shows all its records; otherwise the records whose key or rules match.
      var whole = q === '' || (g.getAttribute('data-group') || '').toLowerCase().indexOf(q) >= 0;
      var n = 0;
      each(g.querySelectorAll('tbody tr'), function (r) {
        var ok = whole || (r.getAttribute('data-q') || '').indexOf(q) >= 0;
        r.hidden = !ok;
        if (ok) n++;
      });
      g.hidden = q !== '' && n === 0;
      total += n;
    });
    if (shown) shown.textContent = String(total);
    if (none) none.hidden = total !== 0;
  }
  function sortBy(body, th, col) {
    // Grades open lowest first (worst records), counts largest first, text A to Z; a second click reverses.
    var first = th.getAttribute('data-type') === 'text' ? 1 : th.hasAttribute('data-desc') ? -1 : 1;
    sortRows(body, th, col, first);
  }
${SORT_ROWS_JS}})();
`;

/**
 * The worklist page's Content-Security-Policy: the report's, allowing the worklist's style and script by hash.
 * @example `<meta http-equiv="Content-Security-Policy" content="${WORKLIST_CSP}">`
 */
export const WORKLIST_CSP = htmlCsp([HTML_STYLE, WORKLIST_STYLE], [WORKLIST_SCRIPT]);
