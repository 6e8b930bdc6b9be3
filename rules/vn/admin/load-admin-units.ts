import { readFileSync } from 'node:fs';
import { parseAdminUnits, type AdminUnitOptions, type CommuneTable } from './parse-admin-units.js';
import { binaryInput, SIGNATURE_BYTES } from '../../../src/sources/binary-input.js';
import { strictUtf8 } from '../../../src/sources/decode/strict-utf8.js';

/**
 * Loads a commune list from a file path or from its text (text when it contains a line break or starts with `{` or
 * `[`), in any format `parseAdminUnits` reads, into a dated table for `commune({ table })`. The file is read as
 * UTF-8; a list in a legacy encoding must be converted first.
 * @example const communes = loadAdminUnits('communes-2025.json'); vn.commune({ table: communes, provinceField: 'province_code' })
 */
export function loadAdminUnits(pathOrText: string, options: AdminUnitOptions = {}): CommuneTable {
  const text = /\n|^\s*[[{]/.test(pathOrText) ? pathOrText : readText(pathOrText);
  const format = options.format ?? (/\.json$/i.test(pathOrText) ? 'json' : undefined);
  return parseAdminUnits(text, format === undefined ? options : { ...options, format });
}

/**
 * The file as UTF-8 text; a compressed file or a workbook is refused saying what it is (it read as "no code column"),
 * and so is a file that is not UTF-8: read leniently, a TCVN3 list became names full of U+FFFD ("Ph� Th�"), written
 * to the table without a word.
 */
function readText(path: string): string {
  const bytes = readFileSync(path);
  const binary = binaryInput(bytes.subarray(0, SIGNATURE_BYTES));
  if (binary !== undefined) throw new Error(`ddss: ${binary.error}`);
  const text = strictUtf8(bytes, 'the list');
  if (text instanceof Error) throw new Error(`ddss: ${text.message}: a list in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted to UTF-8 first`);
  return text;
}
