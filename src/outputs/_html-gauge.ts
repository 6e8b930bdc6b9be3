import { escapeHtml } from './_escape.js';
import { formatPercent, scoreBand, type Band } from './_format.js';
import type { Locale } from '../core/types.js';

/** What one gauge shows. */
export interface GaugeInput {
  /** `overall` or a criterion: the value of `data-gauge`, for styling and tests. */
  readonly id: string;
  readonly name: string;
  readonly sub: string;
  readonly score: number | null;
  /** A short line under the name (failed rows, or "no data"). */
  readonly detail: string;
  /** The colour, when the verdict decides it (see `_verdict-band`); default: the score's band. */
  readonly band?: Band;
}

/**
 * An inline SVG ring gauge with the score in its centre. A null score draws an empty ring with "—", never a full
 * one. All text is escaped; colour comes from classes, so the strict CSP (no style attributes) holds.
 * @example gauge({ id: 'correct', name: 'Correct', sub: 'đúng', score: 0.93, detail: '50 rows failed' }, 'en')
 */
export function gauge(input: GaugeInput, locale: Locale): string {
  const size = input.id === 'overall' ? 132 : 112;
  const band = input.band ?? scoreBand(input.score);
  // pathLength=100 makes the dash length the percentage itself, whatever the radius.
  const dash = input.score === null ? 0 : Math.max(0, Math.min(100, input.score * 100));
  const text = formatPercent(input.score, locale);
  const label = `${input.name}: ${input.score === null ? input.detail : text}`;
  return [
    `<figure class="gauge${input.id === 'overall' ? ' overall' : ''}" data-gauge="${escapeHtml(input.id)}" data-score="${input.score ?? ''}" data-band="${band}">`,
    `<svg viewBox="0 0 120 120" width="${size}" height="${size}" role="img" aria-label="${escapeHtml(label)}">`,
    '<circle class="track" cx="60" cy="60" r="50"/>',
    dash > 0
      ? `<circle class="arc ${band}" cx="60" cy="60" r="50" pathLength="100" stroke-dasharray="${round(dash)} 100" transform="rotate(-90 60 60)"/>`
      : '',
    `<text class="v ${band}" x="60" y="68" text-anchor="middle">${escapeHtml(text)}</text>`,
    '</svg>',
    `<figcaption><span class="name">${escapeHtml(input.name)}</span><span class="sub">${escapeHtml(input.sub)}</span>`,
    `<span class="detail">${escapeHtml(input.detail)}</span></figcaption>`,
    '</figure>',
  ].join('');
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
