import { plainText } from '../outputs/_escape.js';
import { checkOptionKeys } from '../core/option-keys.js';
import type { Locale } from '../core/types.js';
import { distinctText, rangeText, signsText, typeText } from './describe-column.js';
import { profileLabels, profilePercent } from './_profile-labels.js';
import type { Profile } from './types.js';
import { MAX_PROFILED_COLUMNS } from './profile-state.js';

/** Options of `profileText` and `profileHtml`. */
export interface ProfileTextOptions {
  /** The language of the words around the values: `en` (default) or `vi`. Values, codes and shapes are as read. */
  readonly locale?: Locale;
}

/** The options' keys, for `checkOptionKeys`. */
export const PROFILE_TEXT_OPTION_KEYS = Object.keys({ locale: true } satisfies Record<keyof ProfileTextOptions, true>);

/**
 * The line saying how many columns past the first `MAX_PROFILED_COLUMNS` were not profiled.
 * @example notProfiled(3) // 'and 3 more columns, past the first 16384, not profiled'
 */
export function notProfiled(n: number, locale: Locale = 'en'): string {
  return profileLabels(locale).notProfiled(n, MAX_PROFILED_COLUMNS);
}

/** The labels of `options.locale`, the options checked (a misspelt key, or a locale neither `en` nor `vi`, throws). */
export function labelsOf(options: ProfileTextOptions, what: string): ReturnType<typeof profileLabels> {
  checkOptionKeys(options, PROFILE_TEXT_OPTION_KEYS, what);
  const { locale = 'en' } = options;
  if (locale !== 'en' && locale !== 'vi') throw new TypeError(`ddss: ${what}: locale must be "en" or "vi", got ${JSON.stringify(locale)}`);
  return profileLabels(locale);
}

/**
 * The profile as console text: one block per column (type, missing, distinct, range, lengths, top values, shapes,
 * recognisers), in English or, with `{ locale: 'vi' }`, Vietnamese. Values are shown with control characters made
 * visible (`plainText`), personal identifiers masked.
 * @example profileText(await profile(readCsv('parcels.csv'))).split('\n')[0] // 'parcels.csv: 2000 rows, 20 columns'
 * @example profileText(p, { locale: 'vi' }).split('\n')[0] // 'parcels.csv: 2000 dòng, 20 cột'
 */
export function profileText(p: Profile, options: ProfileTextOptions = {}): string {
  const l = labelsOf(options, 'profileText');
  const pct = (share: number): string => profilePercent(share, l.locale);
  const lines = [l.heading(plainText(p.source), p.rows, p.columns.length, p.sampled)];
  if (p.columnsNotProfiled !== undefined) lines.push(l.notProfiled(p.columnsNotProfiled, MAX_PROFILED_COLUMNS));
  if (p.issues.length > 0) lines.push(`${l.sourceIssues}: ${p.issues.map((i) => `${i.count} ${i.code}`).join(', ')}`);
  if (p.headerReadAsRecord === true) lines.push(l.headerAsRecord);
  // The row names padded to the longest, so the values line up in either language.
  const names = [l.missing, l.distinct, l.range, l.length, l.top, l.shapes, l.signs];
  const width = Math.max(...names.map((n) => n.length)) + 2;
  const line = (name: string, text: string): string => `  ${name.padEnd(width)}${text}`;
  for (const c of p.columns) {
    lines.push('', `${plainText(c.name)}  ${typeText(c, l)}`);
    lines.push(line(l.missing, `${c.missing} (${pct(c.missingShare)})${c.placeholders > 0 ? `, ${l.placeholders(c.placeholders)}` : ''}`));
    lines.push(line(l.distinct, distinctText(c, l)));
    const range = rangeText(c);
    if (range !== '') lines.push(line(l.range, plainText(range)));
    if (c.length !== undefined) lines.push(line(l.length, `${c.length.min} – ${c.length.max}`));
    if (c.top.length > 0) {
      const sign = c.topExact ? '' : '≥ ';
      lines.push(line(l.top, c.top.slice(0, 5).map((t) => `${plainText(t.value)} (${sign}${t.count})`).join(', ')));
    }
    if (c.shapes.length > 0) lines.push(line(l.shapes, c.shapes.slice(0, 5).map((s) => `${plainText(s.shape)} (${c.shapesExact ? '' : '≥ '}${s.count})`).join(', ')));
    const signs = signsText(c, p.communeLists, l);
    if (signs.length > 0) lines.push(line(l.signs, signs.join('; ')));
  }
  return `${lines.join('\n')}\n`;
}
