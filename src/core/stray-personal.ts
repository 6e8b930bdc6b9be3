import { personalIdentifier, personName } from '../profile/personal-value.js';
import type { FieldType } from './types.js';

/**
 * Whether a value of a field that is not personal is most likely a person's all the same, so that outputs mask it
 * (as a cell of an undeclared column is) when the dataset has personal fields. A value over several lines: a stray
 * quote's run-on cell, holding the rest of its record and the records after it. A full name (`personName`), a CCCD's
 * 12 digits, a BHYT code or an e-mail (`personalIdentifier`): columns shifted by a dropped cell, or swapped, in an
 * export put owners' names under `land_use_term` and their CCCDs under `gcn_serial`, and outputs showed them in the
 * clear. Digits alone in a number field are its number (an amount, a coordinate).
 * @example strayPersonal('Ngô Đình Huy', 'text') // true
 * @example strayPersonal('079301123456', 'number') // false
 */
export function strayPersonal(value: string, type: FieldType | undefined): boolean {
  if (/[\n\r]/.test(value) || personName(value)) return true;
  if (!personalIdentifier(value)) return false;
  return !((type === 'integer' || type === 'number') && /^\+?\d+$/.test(value.trim()));
}
