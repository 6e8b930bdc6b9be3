import { loadAdminUnits } from './load-admin-units.js';
import type { AdminUnitOptions, CommuneTable } from './parse-admin-units.js';

/**
 * Converts an official commune list (a path or its text; CSV or JSON, see `parseAdminUnits`) into the documented
 * JSON table, for `ddss refdata import <file> --out table.json`. The output is deterministic: entries sorted by code,
 * one per line, keys in a fixed order, ending with a newline; reading it back gives the same table.
 * @example writeFileSync('table.json', importAdminUnits('danh-muc.csv', { scheme: '2025-07-01', validFrom: '2025-07-01', source: 'GSO 2025' }))
 */
export function importAdminUnits(input: string, options: AdminUnitOptions = {}): string {
  return tableJson(loadAdminUnits(input, options));
}

/**
 * The JSON text of a commune table, one entry per line (the format `parseAdminUnits` reads back).
 * @example writeFileSync('communes.json', tableJson(loadAdminUnits('communes.csv', options)))
 */
export function tableJson(t: CommuneTable): string {
  const head = { version: t.version, validFrom: t.validFrom, ...(t.validTo === undefined ? {} : { validTo: t.validTo }), source: t.source };
  const lines = Object.entries(head).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const entries = t.entries.map((e) => `    ${JSON.stringify({
    code: e.code, name: e.name, ...(e.level === undefined ? {} : { level: e.level }), province: e.province,
    ...(e.district === undefined ? {} : { district: e.district }), ...(e.successors === undefined ? {} : { successors: e.successors }),
  })}`);
  return `{\n${lines.join('\n')}\n  "entries": [\n${entries.join(',\n')}\n  ]\n}\n`;
}
