import { plainText } from './_escape.js';
import { formatPercent } from './_format.js';
import type { Locale } from '../core/types.js';
import type { RunTimings } from '../core/timings.js';

const WORDS = {
  en: { title: 'Timings', wall: 'wall', cpu: 'CPU', threads: (n: number) => `${n} ${n === 1 ? 'thread' : 'threads'}`,
    stages: { read: 'read', parse: 'parse', rules: 'rules', merge: 'merge', output: 'output' },
    slowest: 'Slowest rules (share of rule time)', more: (n: number) => `… and ${n} more` },
  vi: { title: 'Thời gian', wall: 'thực', cpu: 'CPU', threads: (n: number) => `${n} luồng`,
    stages: { read: 'đọc', parse: 'phân tích', rules: 'quy tắc', merge: 'gộp', output: 'xuất' },
    slowest: 'Quy tắc chậm nhất (tỉ lệ thời gian quy tắc)', more: (n: number) => `… và ${n} quy tắc khác` },
} as const;

/**
 * The text summary's timings: wall and CPU time, the stages, then the slowest rules with their share of rule time
 * (at most `top`). Rule ids pass through `plainText`, as everywhere in the summary.
 * @example timingsLines(report.timings, 'en', 5) // ['Timings: 7.51 s wall · 7.46 s CPU · 1 thread', …]
 */
export function timingsLines(t: RunTimings, locale: Locale, top = 10): string[] {
  const w = WORDS[locale];
  const stages = (Object.keys(w.stages) as Array<keyof typeof w.stages>)
    .map((k) => `${w.stages[k]} ${duration(t.stages[k], locale)}`).join(' · ');
  const shown = t.rules.slice(0, top);
  const msWidth = Math.max(0, ...shown.map((r) => duration(r.ms, locale).length));
  const out = [
    `${w.title}: ${duration(t.totalMs, locale)} ${w.wall} · ${duration(t.cpuMs, locale)} ${w.cpu} · ${w.threads(t.threads)}`,
    `  ${stages}`,
    `  ${w.slowest}:`,
    ...shown.map((r) => `    ${duration(r.ms, locale).padStart(msWidth)}  ${formatPercent(r.share, locale).padStart(6)}  ${plainText(r.id)}`),
  ];
  if (t.rules.length > shown.length) out.push(`    ${w.more(t.rules.length - shown.length)}`);
  return out;
}

/** Milliseconds as people read them: `0.4 ms`, `523 ms`, `7.51 s` (decimal comma in Vietnamese). */
function duration(ms: number, locale: Locale): string {
  const text = ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
  return locale === 'vi' ? text.replace('.', ',') : text;
}
