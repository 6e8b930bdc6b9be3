import { valueRule } from '../../src/core/rule-base.js';
import type { RuleOptions, ValueRule } from '../../src/core/types.js';
import { MAY_DECOMPOSE, textFacts } from './_text-facts.js';

/**
 * Text is in Unicode NFC (TCVN 6909:2001; decomposed "Nguyê\u0303n" compares unequal to "Nguyễn"). The NFC form is
 * the suggestion. Text made only of characters below U+0300 or in Latin Extended Additional (U+1E00–U+1EFF: ạ…ỹ,
 * precomposed starters that compose with nothing) is NFC by definition and skips normalisation, so composed
 * Vietnamese does too.
 * @example field.text().nfc() // "Nguye\u0302\u0303n" → not_nfc, suggestion "Nguyễn"
 */
export function nfc(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'nfc', criterion: 'clean', code: 'not_nfc', fixes: { not_nfc: 'nfc' } }, (v) => {
    if (typeof v !== 'string' || (textFacts(v) & MAY_DECOMPOSE) === 0) return undefined;
    const n = v.normalize('NFC');
    return n === v ? undefined : { code: 'not_nfc', suggestion: n };
  }, options);
}
