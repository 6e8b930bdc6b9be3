import { plainText } from '../outputs/_escape.js';
import { distinctText, rangeText, signsText, typeText } from './describe-column.js';
import { HEADER_AS_RECORD, percent } from './suggest-definition.js';
import type { Profile } from './types.js';
import { MAX_PROFILED_COLUMNS } from './profile-state.js';

/**
 * The line saying how many columns past the first `MAX_PROFILED_COLUMNS` were not profiled.
 * @example notProfiled(3) // 'and 3 more columns, past the first 16384, not profiled'
 */
export function notProfiled(n: number): string {
  return `and ${n} more column${n === 1 ? '' : 's'}, past the first ${MAX_PROFILED_COLUMNS}, not profiled`;
}

/**
 * The profile as console text: one block per column (type, missing, distinct, range, lengths, top values, shapes,
 * recognisers). Values are shown with control characters made visible (`plainText`), personal identifiers masked.
 * @example profileText(await profile(readCsv('parcels.csv'))).split('\n')[0] // 'parcels.csv: 2000 rows, 20 columns'
 */
export function profileText(p: Profile): string {
  const lines = [`${plainText(p.source)}: ${p.rows} row${p.rows === 1 ? '' : 's'}${p.sampled ? ' (sample: the first rows only)' : ''}, ${p.columns.length} column${p.columns.length === 1 ? '' : 's'}`];
  if (p.columnsNotProfiled !== undefined) lines.push(notProfiled(p.columnsNotProfiled));
  if (p.issues.length > 0) lines.push(`source issues: ${p.issues.map((i) => `${i.count} ${i.code}`).join(', ')}`);
  if (p.headerReadAsRecord === true) lines.push(HEADER_AS_RECORD);
  for (const c of p.columns) {
    lines.push('', `${plainText(c.name)}  ${typeText(c)}`);
    lines.push(`  missing   ${c.missing} (${percent(c.missingShare)})${c.placeholders > 0 ? `, ${c.placeholders} placeholder${c.placeholders === 1 ? '' : 's'}` : ''}`);
    lines.push(`  distinct  ${distinctText(c)}`);
    const range = rangeText(c);
    if (range !== '') lines.push(`  range     ${plainText(range)}`);
    if (c.length !== undefined) lines.push(`  length    ${c.length.min} – ${c.length.max}`);
    if (c.top.length > 0) {
      const sign = c.topExact ? '' : '≥ ';
      lines.push(`  top       ${c.top.slice(0, 5).map((t) => `${plainText(t.value)} (${sign}${t.count})`).join(', ')}`);
    }
    if (c.shapes.length > 0) lines.push(`  shapes    ${c.shapes.slice(0, 5).map((s) => `${plainText(s.shape)} (${c.shapesExact ? '' : '≥ '}${s.count})`).join(', ')}`);
    const signs = signsText(c, p.communeLists);
    if (signs.length > 0) lines.push(`  signs     ${signs.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
