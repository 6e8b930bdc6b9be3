import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import type { DatedTable } from '../tables/dated.js';
import { provinceTables, type Province } from '../tables/provinces.js';
import { checkDatedTables, tableAt } from '../tables/dated.js';
import { codeText, formatFinding, indexOf, standing } from './_codes.js';

export interface ProvinceOptions extends RuleOptions {
  /**
   * `'2008-08-01'` (63 provinces) or `'2025-07-01'` (34 provinces): the code must be in that list. `'auto'` (default):
   * the list in force on the run's date (`ctx.today`), also accepting codes of earlier lists, whose retirement is
   * `provinceCurrent`'s (live) concern, not an error of correctness.
   */
  readonly scheme?: '2008-08-01' | '2025-07-01' | 'auto';
  /**
   * A date field of the row that selects the list (instead of `scheme`): the code must be in the list in force on
   * that date or in a later one already in force on the run's date (a record may have been updated to the new codes,
   * never back to retired ones). A registration from 1/7/2025 then needs a 34-province code; an older one either. Rows
   * without a valid date are judged as with `'auto'`.
   */
  readonly dateField?: string;
  /** Replace the shipped dated province lists. */
  readonly tables?: readonly DatedTable<readonly Province[]>[];
}

const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

const messages: MessageTable = {
  province_code_format: {
    en: '{field}: "{value}" is not a {width}-digit province code',
    vi: '{field}: "{value}" không phải mã tỉnh gồm {width} chữ số',
  },
  unknown_province_code: {
    en: '{field}: "{value}" is not a province code of the {scheme} list',
    vi: '{field}: "{value}" không phải mã tỉnh, thành phố trong danh mục {scheme}',
  },
};

/**
 * The value is a province code (QĐ 124/2004/QĐ-TTg; DOMAIN-VN §3): two digits (`province_code_format`, with the padded
 * code as suggestion for `1` or `"1"`), in the chosen list (`unknown_province_code`). Codes mean nothing without their
 * date (`24` was Bắc Giang, is Bắc Ninh from 1/7/2025), so the list is dated: fixed by `scheme`, or with `'auto'` the
 * one in force on the run's date, `ctx.today` (where a code retired on 1/7/2025 passes here and is reported by `provinceCurrent`).
 * With `dateField`, the list is the one in force on the row's date or a later one (see the option).
 * @example field.text().use(vn.province({ scheme: '2025-07-01' })) // "27" → unknown_province_code
 * @example field.text().use(vn.province({ dateField: 'registered_at' })) // "27" registered 02/10/2025 → unknown_province_code; registered 2010 → passes
 */
export function province(options: ProvinceOptions = {}): ValueRule {
  checkDatedTables('province', options.tables);
  const tables = options.tables ?? provinceTables;
  const scheme = options.scheme ?? 'auto';
  const fixed = scheme === 'auto' ? undefined : tables.find((t) => t.version === scheme);
  if (scheme !== 'auto' && fixed === undefined) throw new Error(`ddss: no province list with version ${scheme}`);
  const dateField = options.dateField;
  if (dateField !== undefined && options.scheme !== undefined) throw new Error('ddss: province takes a scheme or a dateField, not both');
  const params = dateField === undefined ? { scheme } : { scheme: `by ${dateField}` };
  // The list of a row's date and the lists that followed it, up to the one in force today: the same for most rows,
  // so the last answer is kept rather than filtered per cell.
  let memo: { then: DatedTable<readonly Province[]>; today: number; lists: DatedTable<readonly Province[]>[] } | undefined;
  const since = (then: DatedTable<readonly Province[]>, today: number): DatedTable<readonly Province[]>[] => {
    if (memo?.then !== then || memo.today !== today) {
      const day = isoDay(new Date(today));
      memo = { then, today, lists: tables.filter((t) => t === then || (t.validFrom > then.validFrom && t.validFrom <= day)) };
    }
    return memo.lists;
  };
  return valueRule({ options: { scheme: true, dateField: true, tables: true }, name: 'province', criterion: 'correct', code: 'unknown_province_code', messages, params,
    fixes: { province_code_format: 'leading-zero' }, quotingParams: [] },
    (v, ctx) => {
      const text = codeText(v);
      const bad = formatFinding('province_code_format', text, 2);
      if (bad !== undefined || text === undefined) return bad;
      if (fixed !== undefined) return indexOf(fixed).has(text) ? undefined : { code: 'unknown_province_code', params: { scheme } };
      const date = dateField === undefined ? undefined : ctx.record[dateField];
      const then = date instanceof Date ? tableAt(tables, date) : undefined;
      if (then !== undefined) {
        const lists = since(then, ctx.todayMs);
        if (lists.some((t) => indexOf(t).has(text))) return undefined;
        return { code: 'unknown_province_code', params: { scheme: lists.map((t) => t.version).sort().join(' / ') } };
      }
      const s = standing(tables, text, ctx.today);
      if (s.current !== undefined || s.retired !== undefined) return undefined;
      return { code: 'unknown_province_code', params: { scheme: s.now?.version ?? 'auto' } };
    }, options);
}
