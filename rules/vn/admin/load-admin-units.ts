import { readFileSync } from 'node:fs';
import { parseAdminUnits, type AdminUnitOptions, type CommuneTable } from './parse-admin-units.js';
import { binaryInput, SIGNATURE_BYTES } from '../../../src/sources/binary-input.js';

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
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    const line = 1 + bytes.subarray(0, at).filter((b) => b === 0x0a).length;
    throw new Error(`ddss: the list is not UTF-8 (byte 0x${(bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0')} on line ${line}): ` +
      'a list in a legacy encoding (TCVN3, VNI, Windows-1258) must be converted to UTF-8 first');
  }
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Where the first byte that is not part of well-formed UTF-8 is (only on the error's path: a sequence at a time). */
function firstInvalid(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i] as number;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || (n > 1 && !wellFormed(bytes.subarray(i, i + n)))) return i;
    i += n;
  }
  return bytes.length;
}

function wellFormed(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
