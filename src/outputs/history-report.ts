import { CRITERIA, type Locale } from '../core/types.js';
import type { DatasetTrend } from '../history/history-trend.js';
import { escapeHtml, plainText } from './_escape.js';
import { formatCount, formatPercent } from './_format.js';
import { htmlHead } from './_html-head.js';
import { labels } from './_labels.js';
import { sparkline, svgSparkline } from './_sparkline.js';

const KEYS = ['overall', ...CRITERIA] as const;

/** Runs a text sparkline draws: one block a run, so years of nightly runs would make lines thousands wide. */
const TEXT_RUNS = 60;

/**
 * `ddss history` as text: per dataset, a sparkline per score (of the last 60 runs) with its first and latest value,
 * and the rules whose failure rate rose most. Data passes through `plainText` (no terminal escapes from a history file).
 * @example process.stdout.write(historyText(historyTrend(entries), 'en'));
 */
export function historyText(trends: readonly DatasetTrend[], locale: Locale): string {
  const l = labels(locale);
  const names = [l.overall, ...CRITERIA.map((c) => l.criteria[c].name)];
  const width = Math.max(...names.map((n) => n.length));
  const out: string[] = [];
  for (const t of trends) {
    const cut = t.runs <= TEXT_RUNS ? '' : locale === 'vi' ? ` (biểu đồ: ${TEXT_RUNS} lần chạy cuối)` : ` (sparklines: the last ${TEXT_RUNS} runs)`;
    out.push(`${plainText(t.dataset)} — ${t.runs} ${locale === 'vi' ? 'lần chạy' : t.runs === 1 ? 'run' : 'runs'}, ${plainText(t.first)} … ${plainText(t.last)}${cut}`);
    KEYS.forEach((k, i) => {
      const s = t.scores[k];
      if (s.every((v) => v === null)) return;
      out.push(`  ${(names[i] as string).padEnd(width)}  ${sparkline(s.slice(-TEXT_RUNS))}  ${formatPercent(s[0] ?? null, locale)} → ${formatPercent(s.at(-1) ?? null, locale)}`);
    });
    out.push(`  ${(locale === 'vi' ? 'Số hàng' : 'Rows').padEnd(width)}  ${formatCount(t.rows[0] ?? 0, locale)} → ${formatCount(t.rows.at(-1) ?? 0, locale)}`);
    if (t.worstMoving.length > 0) {
      out.push(locale === 'vi' ? '  Quy tắc xấu đi nhiều nhất (tỉ lệ không đạt: trung vị trước → lần cuối):'
        : '  Worst-moving rules (failure rate: median before → latest):');
      for (const m of t.worstMoving) out.push(`    ${plainText(m.rule)}  ${formatPercent(m.from, locale)} → ${formatPercent(m.to, locale)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * `ddss history --format html`: the same as a self-contained page (the report's strict CSP and stylesheet).
 * @example writeFileSync('history.html', historyHtml(historyTrend(entries), 'vi'));
 */
export function historyHtml(trends: readonly DatasetTrend[], locale: Locale): string {
  const l = labels(locale);
  const names = [l.overall, ...CRITERIA.map((c) => l.criteria[c].name)];
  const title = locale === 'vi' ? 'Lịch sử chất lượng dữ liệu' : 'Data quality history';
  const cards = trends.map((t) => {
    const rows = KEYS.flatMap((k, i) => {
      const s = t.scores[k];
      if (s.every((v) => v === null)) return [];
      const name = names[i] as string;
      return [`<tr><th scope="row">${escapeHtml(name)}</th><td>${svgSparkline(s, name)}</td>` +
        `<td class="num">${escapeHtml(formatPercent(s[0] ?? null, locale))}</td><td class="num">${escapeHtml(formatPercent(s.at(-1) ?? null, locale))}</td></tr>`];
    });
    const moved = t.worstMoving.map((m) => `<tr><td><code>${escapeHtml(m.rule)}</code></td>` +
      `<td class="num">${escapeHtml(formatPercent(m.from, locale))}</td><td class="num">${escapeHtml(formatPercent(m.to, locale))}</td></tr>`);
    return `<section class="card history"><h2>${escapeHtml(t.dataset)}</h2>` +
      `<p class="hint">${escapeHtml(`${t.runs} · ${t.first} … ${t.last}`)}</p>` +
      `<table><tbody>${rows.join('')}</tbody></table>` +
      (moved.length === 0 ? '' : `<h3>${escapeHtml(locale === 'vi' ? 'Quy tắc xấu đi nhiều nhất' : 'Worst-moving rules')}</h3>` +
        `<table><tbody>${moved.join('')}</tbody></table>`) + '</section>';
  });
  return [...htmlHead(locale, title), `<main class="wrap"><h1>${escapeHtml(title)}</h1>`, ...cards, '</main>', '</body>', '</html>', ''].join('\n');
}
