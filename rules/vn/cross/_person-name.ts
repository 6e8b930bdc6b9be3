import { canonicalName } from '../canonical.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

/**
 * How a record's name compares with the register's, from closest to farthest (the first that holds wins):
 * - `same`: equal after NFC, case folding and whitespace collapsing ("as written": `NGUYỄN  văn An` is `Nguyễn Văn An`);
 * - `form`: equal only once each syllable's tone mark sits on one fixed vowel (`Hòa`/`Hoà`, `Thủy`/`Thuỷ`, `canonicalName`);
 * - `diacritics`: equal only once every diacritic is removed and `đ` read as `d` (`Nguyen Van An`, `Đào`/`Dao`);
 * - `mismatch`: different names even then.
 */
export type NameMatch = 'same' | 'form' | 'diacritics' | 'mismatch';

/**
 * Compares two personal names the way the population register is matched (DOMAIN-VN §6): never rewrites either.
 * @example compareNames('Lê Thị Hòa', 'LÊ THỊ HOÀ') // 'form'
 * @example compareNames('Đỗ Văn Hùng', 'Do Van Hung') // 'diacritics'
 */
export function compareNames(a: string, b: string): NameMatch {
  if (written(a) === written(b)) return 'same';
  if (canonicalName(a) === canonicalName(b)) return 'form';
  if (bare(a) === bare(b)) return 'diacritics';
  return 'mismatch';
}

/** NFC, lower case, whitespace runs as one space, trimmed. */
export function written(s: string): string {
  return stripSpaces(s.normalize('NFC').toLowerCase()).split(/\s+/u).join(' ');
}

/** `written`, without any diacritic (tone or vowel mark), `đ` as `d` (it does not decompose). */
export function bare(s: string): string {
  return written(s).normalize('NFD').replace(/[\u0300-\u036f]/gu, '').replace(/đ/gu, 'd');
}
