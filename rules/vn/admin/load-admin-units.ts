import { readFileSync } from 'node:fs';
import { parseAdminUnits, type AdminUnitOptions, type CommuneTable } from './parse-admin-units.js';

/**
 * Loads a commune list from a file path or from its text (text when it contains a line break or starts with `{` or
 * `[`), in any format `parseAdminUnits` reads, into a dated table for `commune({ table })`. The file is read as
 * UTF-8; a list in a legacy encoding must be converted first.
 * @example const communes = loadAdminUnits('communes-2025.json'); vn.commune({ table: communes, provinceField: 'province_code' })
 */
export function loadAdminUnits(pathOrText: string, options: AdminUnitOptions = {}): CommuneTable {
  const text = /\n|^\s*[[{]/.test(pathOrText) ? pathOrText : readFileSync(pathOrText, 'utf8');
  const format = options.format ?? (/\.json$/i.test(pathOrText) ? 'json' : undefined);
  return parseAdminUnits(text, format === undefined ? options : { ...options, format });
}
