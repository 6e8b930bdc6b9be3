import { recordRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import { TEXTUAL, type FieldKind } from '../../../src/core/field-kinds.js';
import type { RecordRule, RuleOptions } from '../../../src/core/types.js';
import { parseCccd } from '../identifiers/cccd.js';
import { idText } from './_values.js';
import { checkGenders } from './_person-register.js';
import { stripSpaces } from '../../../src/core/strip-spaces.js';

export interface IdGenderFields {
  /** The personal ID column (12-digit CCCD; 9-digit CMNDs are skipped). */
  readonly id: string;
  /** The gender column. */
  readonly gender: string;
}

export interface IdGenderOptions extends RuleOptions {
  /**
   * How the source writes each gender; compared case-insensitively after NFC, numbers as their text. The first value
   * of each list is the suggestion. Default `{ male: ['Nam'], female: ['Nữ'] }`; BHYT claims XML uses
   * `{ male: ['1'], female: ['2'] }` and social-insurance APIs `{ male: ['1'], female: ['0'] }` (DOMAIN-VN §5).
   */
  readonly genders?: { readonly male: readonly (string | number)[]; readonly female: readonly (string | number)[] };
}

const messages: MessageTable = {
  id_gender_mismatch: {
    en: '{field}: "{value}" does not match the gender encoded in the personal ID ({id})',
    vi: '{field}: "{value}" không khớp với giới tính được mã hóa trong số định danh cá nhân ({id})',
  },
};

const DEFAULT_GENDER_KIND: FieldKind = {
  ...TEXTUAL, hint: 'or give genders in the form the field holds: { male: [1], female: [2] }',
};

const fold = (v: unknown): string => stripSpaces(String(v)).normalize('NFC').toLowerCase();
/** A gender column holds a handful of distinct texts: fold each once rather than normalise every row. */
const folded = new Map<string, string>();
const key = (v: unknown): string => {
  if (typeof v !== 'string' || v.length > 8) return fold(v);
  let k = folded.get(v);
  if (k === undefined) {
    k = fold(v);
    if (folded.size >= 1024) folded.clear();
    folded.set(v, k);
  }
  return k;
};

/**
 * The gender equals the gender encoded in the 12-digit personal ID (digit `G`: even = Nam, odd = Nữ; DOMAIN-VN §2.1).
 * A mismatch → `id_gender_mismatch` on the gender column, with the derived gender as suggestion (in the source's
 * vocabulary, masked like the column). A value in both lists (compared as the values are) or an empty list throws when
 * the rule is built. Gender values outside both lists (e.g. `3` = undetermined) pass, as do IDs that
 * are not exactly 12 digits (9-digit CMNDs carry no gender) and rows missing either column. Without `genders`, the
 * gender field must be a text, enum or any field (the default Nam / Nữ is text): another type is refused when the
 * dataset is defined.
 * @example vn.idGender({ id: 'owner_id', gender: 'owner_gender' }) // "079301123456" + "Nam" → id_gender_mismatch
 */
export function idGender(fields: IdGenderFields, options: IdGenderOptions = {}): RecordRule {
  const genders = options.genders ?? { male: ['Nam'], female: ['Nữ'] };
  checkGenders(genders, 'idGender: genders');
  const male = new Set(genders.male.map(key));
  const female = new Set(genders.female.map(key));
  const shown = { Nam: String(genders.male[0] ?? 'Nam'), Nữ: String(genders.female[0] ?? 'Nữ') };
  return recordRule({
    options: { genders: true }, name: 'idGender', criterion: 'correct', code: 'id_gender_mismatch', fields: [fields.id, fields.gender],
    messages, params: { id: fields.id },
    // The default genders are texts, which an integer (or other non-text) field's 1 or 2 never equals: every row passed.
    // The ID is text: an integer field has lost the leading 0 every CCCD has (province codes 001–096), so no row was judged.
    fieldKinds: { [fields.id]: TEXTUAL, ...(options.genders === undefined ? { [fields.gender]: DEFAULT_GENDER_KIND } : {}) },
  }, (row) => {
    const text = idText(row[fields.id]);
    const parts = text === undefined ? undefined : parseCccd(text);
    if (parts === undefined) return undefined;
    const g = key(row[fields.gender]);
    const stated = male.has(g) ? 'Nam' : female.has(g) ? 'Nữ' : undefined;
    if (stated === undefined || stated === parts.gender) return undefined;
    return { code: 'id_gender_mismatch', field: fields.gender, suggestion: shown[parts.gender] };
  }, options);
}
