import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { RuleOptions, ValueRule } from '../../../src/core/types.js';
import type { AdminUnit, CommuneTable } from './parse-admin-units.js';
import { checkedTables, codeText, formatFinding, indexOf, standing } from './_codes.js';

export interface CommuneOptions extends RuleOptions {
  /** A loaded commune list (`loadAdminUnits`): codes must be in it. */
  readonly table?: CommuneTable;
  /**
   * Several dated lists instead: a code must be in the list in force on the run's date (`ctx.today`) or in an earlier one (an old
   * code is `communeCurrent`'s live concern, not an error of correctness).
   */
  readonly tables?: readonly CommuneTable[];
  /** The row's province-code field: the commune must belong to that province (needs a table). */
  readonly provinceField?: string;
}

const messages: MessageTable = {
  commune_code_format: {
    en: '{field}: "{value}" is not a {width}-digit commune code',
    vi: '{field}: "{value}" không phải mã xã, phường gồm {width} chữ số',
  },
  unknown_commune_code: {
    en: '{field}: "{value}" is not a commune code of the list {table}',
    vi: '{field}: "{value}" không có trong danh mục xã, phường {table}',
  },
  commune_province_mismatch: {
    en: '{field}: commune "{value}" belongs to province {province}, not to the row\'s province {rowProvince}',
    vi: '{field}: xã, phường "{value}" thuộc tỉnh có mã {province}, không phải tỉnh {rowProvince} của bản ghi',
  },
};

/**
 * The value is a commune code (xã, phường, đặc khu; DOMAIN-VN §3): 5 digits (`commune_code_format`, padded code as
 * suggestion for a lost leading zero). Without a table that is all it checks, and its params say `check: 'format
 * only'` (DOMAIN-VN §3.3: the full lists are loaded, not shipped). With `table` (or dated `tables`), an absent code →
 * `unknown_commune_code`; with `provinceField` too, a commune of another province than the row's →
 * `commune_province_mismatch` (skipped when that field is missing or invalid). All findings are errors of correctness.
 * @example field.text().use(vn.commune({ table: loadAdminUnits('communes-2025.json'), provinceField: 'province_code' }))
 */
export function commune(options: CommuneOptions = {}): ValueRule {
  const tables = checkedTables('commune', options.tables ?? (options.table === undefined ? [] : [options.table]));
  const { provinceField } = options;
  if (provinceField !== undefined && tables.length === 0) throw new Error('ddss: commune({ provinceField }) needs a table');
  const label = tables.map((t) => t.version).join(', ');
  return valueRule({
    options: { table: true, tables: true, provinceField: true }, name: 'commune', criterion: 'correct', code: 'unknown_commune_code', messages, fixes: { commune_code_format: 'leading-zero' },
    params: tables.length === 0 ? { check: 'format only' } : { check: 'table', table: label, ...(provinceField === undefined ? {} : { provinceField }) },
    quotingParams: ['rowProvince'],
  }, (v, ctx) => {
    const text = codeText(v);
    const bad = formatFinding('commune_code_format', text, 5);
    if (bad !== undefined || text === undefined || tables.length === 0) return bad;
    let unit: AdminUnit | undefined;
    if (tables.length === 1) unit = indexOf(tables[0] as CommuneTable).get(text);
    else {
      const s = standing(tables, text, ctx.today);
      const found = s.current ?? s.retired;
      unit = found === undefined ? undefined : indexOf(found).get(text);
    }
    if (unit === undefined) return { code: 'unknown_commune_code', params: { table: label } };
    if (provinceField === undefined) return undefined;
    const rowProvince = codeText(ctx.record[provinceField]);
    if (rowProvince === undefined || rowProvince === unit.province) return undefined;
    // Dated lists: a pair that one of them holds is consistent in its time (09190 was in province 27 until the 2025
    // merger, then in 24); that a code or province was retired is a live finding of communeCurrent/provinceCurrent.
    if (tables.some((t) => indexOf(t).get(text)?.province === rowProvince)) return undefined;
    return { code: 'commune_province_mismatch', params: { province: unit.province, rowProvince } };
  }, options);
}
