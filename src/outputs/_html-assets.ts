import { createHash } from 'node:crypto';
import { SORT_ROWS_JS } from './_sort-rows-script.js';

/*
 * The constant style and script of the HTML report. Both are fixed strings, so the Content-Security-Policy can allow
 * exactly them by hash: nothing else (no injected <script>, no style attribute, no event handler) can run or apply.
 */

/**
 * The report's stylesheet: system fonts only (no network), readable on a laptop, and a print layout. Monospace text
 * (values, field names, ids) takes the Vietnamese letters with two marks (U+1EA0–U+1EF9: ồ, ẩ, ự, …) from a font that
 * has them ("ddss-vi", the first installed of those listed): the Linux monospace fonts (DejaVu Sans Mono, Liberation
 * Mono) lack them, and Chromium drew them from the base letter and two stacked marks, so "Sông Hồng" read "Sông Hông"
 * and "phẩm" lost its hook. `local()` fonts load nothing, so the page still loads nothing.
 * @example `<style>${HTML_STYLE}</style>` // exactly, or its CSP hash no longer matches
 */
export const HTML_STYLE = `
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--bg:#f3f5f8;--card:#fff;--good:#15803d;--fair:#c2410c;--poor:#b91c1c;--none:#9ca3af;--accent:#1d4ed8}
*{box-sizing:border-box;-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
.wrap{max-width:1240px;margin:0 auto;padding:0 24px}
header.top{background:#0f2a4a;color:#fff;padding:18px 0 16px}
.eyebrow{margin:0;font-size:12px;letter-spacing:.08em;text-transform:uppercase;color:#b6c6dc}
h1{margin:2px 0 8px;font-size:24px;font-weight:650;overflow-wrap:anywhere}
.meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0;font-size:13px}
.meta div{display:flex;gap:6px;min-width:0}.meta dt{color:#b6c6dc}.meta dd{margin:0;overflow-wrap:anywhere}
main.wrap{padding-top:20px;padding-bottom:28px}
.banner{display:flex;align-items:baseline;flex-wrap:wrap;gap:6px 14px;padding:12px 16px;border-radius:8px;border:1px solid;border-left-width:6px;margin:0 0 18px}
.banner strong{font-size:16px}.banner p{margin:0}
.b-passed{background:#ecfdf3;border-color:#86d4a3;color:#14532d}
.b-warned{background:#fff8eb;border-color:#f0c36b;color:#7c2d12}
.b-failed{background:#fef2f2;border-color:#f1a3a3;color:#7f1d1d}
.b-error{background:#f5f3ff;border-color:#b9a6f5;color:#4c1d95}
.gauges{display:grid;grid-template-columns:1.2fr repeat(4,1fr);gap:14px;margin:0 0 18px}
.gauge{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 10px 12px;margin:0;text-align:center}
.gauge svg{display:block;margin:0 auto 6px}
.history table{width:auto;min-width:50%}.history td,.history th{padding:4px 18px 4px 0}.history .spark{color:var(--ink,#1f2937)}
.gauge .track{fill:none;stroke:#e8ebf0;stroke-width:11}
.gauge .arc{fill:none;stroke-width:11}
.arc.good{stroke:var(--good)}.arc.fair{stroke:var(--fair)}.arc.poor{stroke:var(--poor)}.arc.none{stroke:var(--none)}
.bar.good{fill:var(--good)}.bar.fair{fill:var(--fair)}.bar.poor{fill:var(--poor)}.bar.none{fill:var(--none)}
.gauge .v{font-size:20px;font-weight:700;fill:var(--ink)}.gauge .v.none{fill:var(--none)}
.gauge .name{display:block;font-weight:650;font-size:15px}
.gauge .sub,.gauge .detail{display:block;color:var(--muted);font-size:12px}
.gauge.overall{border-color:#c7d2e3;background:linear-gradient(#fff,#f7f9fc)}.gauge.overall .name{font-size:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;margin:0 0 18px}
h2{font-size:16px;margin:0 0 4px}
.hint{color:var(--muted);font-size:12px;margin:0 0 10px}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:13px}
th,td{padding:6px 10px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{background:#f8fafc;font-weight:600;color:#374151;white-space:nowrap}
th button{font:inherit;color:inherit;background:none;border:0;padding:0;cursor:pointer;display:inline-flex;gap:4px;align-items:center}
th button:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
th .arrow::after{content:"\\2195";opacity:.35;font-size:11px}
th[aria-sort=ascending] .arrow::after{content:"\\25B2";opacity:.8}
th[aria-sort=descending] .arrow::after{content:"\\25BC";opacity:.8}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
th.num button{flex-direction:row-reverse}
tbody tr:hover{background:#f8fafc}
tr.is-failed td:first-child{box-shadow:inset 3px 0 var(--poor)}tr.is-error td:first-child{box-shadow:inset 3px 0 #6d28d9}
@font-face{font-family:"ddss-vi";src:local("Consolas"),local("Cascadia Mono"),local("Noto Sans Mono"),local("Ubuntu Mono"),local("Courier New"),local("DejaVu Sans"),local("Noto Sans"),local("Arial");unicode-range:U+1EA0-1EF9}
code,.mono{font-family:"ddss-vi",ui-monospace,"SFMono-Regular",Menlo,Consolas,"Liberation Mono","DejaVu Sans Mono",monospace;font-size:12.5px}
td code{overflow-wrap:break-word}
code.id{white-space:nowrap;overflow-wrap:normal}
a{color:var(--accent);text-decoration:none}a:hover{text-decoration:underline}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;white-space:nowrap}
.st-passed{background:#dcfce7;color:#166534}.st-failed{background:#fee2e2;color:#991b1b}
.st-error{background:#ede9fe;color:#5b21b6}.st-skipped{background:#f1f5f9;color:#475569}
.crit{display:inline-block;padding:0 7px;border-radius:4px;font-size:12px;background:#eef2f7;color:#334155;white-space:nowrap}
.sev{font-size:12px;white-space:nowrap}.sev::before{content:"";display:inline-block;width:7px;height:7px;border-radius:50%;margin:0 6px 1px 0}
.sev-error::before{background:#b91c1c}.sev-warning::before{background:#ea8a0c}.sev-info::before{background:#3b82f6}
.rate{display:inline-flex;align-items:center;gap:8px}
.rate .bg{fill:#e8ebf0}
.muted{color:var(--muted)}
td.grade{font-weight:600}.g-good{color:var(--good)}.g-fair{color:var(--fair)}.g-poor{color:var(--poor)}.g-none{color:var(--none);font-weight:400}
.lbl,.desc{display:block;color:var(--muted);font-size:12px}
details{border:1px solid var(--line);border-radius:8px;margin:10px 0 0}
summary{cursor:pointer;padding:8px 12px;display:flex;flex-wrap:wrap;gap:6px 12px;align-items:center;list-style:none}
summary::-webkit-details-marker{display:none}
summary::before{content:"\\25B8";color:var(--muted);width:10px}details[open]>summary::before{content:"\\25BE"}
details[open]>summary{border-bottom:1px solid var(--line);background:#f8fafc;border-radius:8px 8px 0 0}
details .body{padding:10px 12px}
.params{margin:0 0 8px;color:var(--muted);font-size:12px;overflow-wrap:anywhere}
.val{white-space:pre-wrap;overflow-wrap:break-word;background:#f1f3f6;border-radius:3px;padding:0 3px}
.err{margin:0;color:#5b21b6;white-space:pre-wrap;overflow-wrap:anywhere}
dl.src{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:6px 0 0}
dl.src dt{color:var(--muted)}dl.src dd{margin:0;overflow-wrap:anywhere}
footer{color:var(--muted);font-size:12px;text-align:center;padding:0 24px 24px}
@media screen and (max-width:900px){.gauges{grid-template-columns:repeat(2,1fr)}.gauge.overall{grid-column:1/-1}}
@media print{
body{background:#fff;font-size:11px}.wrap,main.wrap{max-width:none;padding:0}table{font-size:10.5px}th,td{padding:4px 6px}code,.mono{font-size:10px}.rate svg{display:none}.pill,.crit{padding:0 5px;font-size:10px}
header.top{background:#fff;color:#000;border-bottom:2px solid #0f2a4a;padding:0 0 8px}.eyebrow,.meta dt{color:#555}
.gauges{grid-template-columns:repeat(5,1fr);gap:8px}.gauge svg{width:90px;height:90px}.gauge.overall svg{width:100px;height:100px}.gauge,.card,details,tr{break-inside:avoid}
.card{border:0;padding:0}th .arrow,.hint{display:none}.scroll{overflow:visible}
details::details-content{content-visibility:visible;display:contents}summary::before{content:none}
}
`;

/**
 * The report's only script: sorts the rule table when a header button is clicked, and opens samples for printing.
 * @example `<script>${HTML_SCRIPT}</script>` // exactly, or its CSP hash no longer matches
 */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  var table = document.getElementById('rules');
  if (table && table.tHead && table.tBodies[0]) {
    var heads = table.tHead.rows[0].cells;
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = th.querySelector('button');
      if (button) button.addEventListener('click', function () { sortBy(th, col); });
    });
  }
  function sortBy(th, col) {
    // Counts open largest first, names and ranks smallest first; a second click reverses.
    sortRows(body, th, col, th.getAttribute('data-type') === 'num' ? -1 : 1);
  }
${SORT_ROWS_JS}  window.addEventListener('beforeprint', function () {
    Array.prototype.forEach.call(document.querySelectorAll('details'), function (d) { d.open = true; });
  });
})();
`;

function sha256(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of the report: nothing may load or connect; only the report's own style and script
 * (by hash) apply, images only as `data:` URLs, no base URL or form target can be changed.
 * @example `<meta http-equiv="Content-Security-Policy" content="${HTML_CSP}">`
 */
export const HTML_CSP = htmlCsp([HTML_STYLE], [HTML_SCRIPT]);

/**
 * The same policy for a page with other constant styles and scripts (each allowed by its hash, nothing else).
 * @example htmlCsp([HTML_STYLE, WORKLIST_STYLE], [WORKLIST_SCRIPT])
 */
export function htmlCsp(styles: readonly string[], scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    `style-src ${styles.map(sha256).join(' ')}`,
    `script-src ${scripts.length === 0 ? "'none'" : scripts.map(sha256).join(' ')}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
