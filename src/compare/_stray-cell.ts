import { strayPersonal } from '../core/stray-personal.js';
import { personName, quotesPersonal } from '../profile/personal-value.js';
import type { FieldType } from '../core/types.js';

/**
 * Whether a cell of a column nothing declares personal is a person's data all the same, so that a comparison shows it
 * masked: a value `validate` masks under a field that is not personal (`strayPersonal`: a run-on cell over several
 * lines, a full name, a CCCD, a BHYT code, an e-mail), or free text quoting one (`Liên hệ 0912345678 gặp Nguyễn Văn
 * An`: a phone, an ID, an e-mail or a full name inside a note). A comparison shows whichever cells differ, and a
 * `note` column holding one owner's CCCD was shown in the clear in its samples and `--changes`. Digits in a number
 * field are its number, as `validate` reads them.
 * @example strayCell('001089012345', undefined) // true
 * @example strayCell('Liên hệ gặp Nguyễn Văn An', 'text') // true
 * @example strayCell('ghi chú 3', undefined) // false
 */
export function strayCell(text: string, type: FieldType | undefined): boolean {
  if (strayPersonal(text, type)) return true;
  if (type === 'integer' || type === 'number' || !/\S\s+\S/.test(text)) return false;
  return quotesPersonal(text) || _quotesName(text);
}

/**
 * Whether a text holds a full name (`personName`), punctuation around its words aside. Two words suffice to know:
 * a longer name starts with two words that are one (a family name, then a capitalised word).
 */
function _quotesName(text: string): boolean {
  const words = text.normalize('NFC').split(/\s+/).map((w) => w.replace(/^[("'“]+|[)"'”,.;:!?]+$/gu, ''));
  for (let i = 0; i + 1 < words.length; i++) {
    if (personName(`${words[i] ?? ''} ${words[i + 1] ?? ''}`)) return true;
  }
  return false;
}
