/**
 * States of the JSON number grammar, one character at a time, so a number cut between chunks needs no lookahead.
 * A leading zero followed by digits (`0012`) is not JSON but is accepted and kept as text: it is almost always an
 * identifier whose zeros matter. The lexer reports each one (`leading_zero_number`), so the file does not pass as JSON.
 */
export const N_MINUS = 0;
export const N_ZERO = 1;
export const N_INT = 2;
export const N_DOT = 3;
export const N_FRAC = 4;
export const N_E = 5;
export const N_E_SIGN = 6;
export const N_EXP = 7;
/** The character does not continue the number: the number ends before it. */
export const N_END = 8;
/** The character is not allowed here: the number is malformed. */
export const N_BAD = 9;

/**
 * Whether a number may end in this state.
 * @example
 * numberComplete(N_MINUS); // false: '-' alone is not a number
 */
export function numberComplete(state: number): boolean {
  return state === N_ZERO || state === N_INT || state === N_FRAC || state === N_EXP;
}

/**
 * The next state of the number grammar after character code `c`.
 * @example
 * numberStep(N_ZERO, 46); // N_DOT, after '0.'
 */
export function numberStep(state: number, c: number): number {
  const digit = c >= 48 && c <= 57;
  switch (state) {
    case N_MINUS: return c === 48 ? N_ZERO : digit ? N_INT : N_BAD;
    case N_ZERO:
    case N_INT: return digit ? N_INT : c === 46 ? N_DOT : c === 101 || c === 69 ? N_E : N_END;
    case N_DOT: return digit ? N_FRAC : N_BAD;
    case N_FRAC: return digit ? N_FRAC : c === 101 || c === 69 ? N_E : N_END;
    case N_E: return digit ? N_EXP : c === 43 || c === 45 ? N_E_SIGN : N_BAD;
    case N_E_SIGN: return digit ? N_EXP : N_BAD;
    case N_EXP: return digit ? N_EXP : N_END;
    default: return N_BAD;
  }
}

/** Most doubles of 15 significant digits or fewer round-trip; beyond that digits may be silently changed. */
const MAX_SIGNIFICANT = 15;

/**
 * The value of a number token: a JS number when it is exact enough, else the token's own text, so that nothing is
 * silently lost. Text is kept for more than 15 significant digits (`12345678901234567`), a leading zero
 * (`001089012345`), and magnitudes that overflow to Infinity or underflow to 0.
 * @example
 * numberValue('42') // 42
 * numberValue('001089012345') // '001089012345'
 */
export function numberValue(text: string): number | string {
  const simple = text.length <= MAX_SIGNIFICANT && !hasExponent(text);
  if (simple && !leadingZero(text)) return Number(text);
  if (leadingZero(text)) return text;
  const e = text.search(/[eE]/);
  const mantissa = (e < 0 ? text : text.slice(0, e)).replace(/[-.]/g, '');
  const significant = mantissa.replace(/^0+/, '').replace(/0+$/, '');
  if (significant.length > MAX_SIGNIFICANT) return text;
  const value = Number(text);
  if (!Number.isFinite(value) || (value === 0 && significant.length > 0)) return text;
  return value;
}

function hasExponent(text: string): boolean {
  return text.includes('e') || text.includes('E');
}

function leadingZero(text: string): boolean {
  const i = text.charCodeAt(0) === 45 ? 1 : 0;
  const next = text.charCodeAt(i + 1);
  return text.charCodeAt(i) === 48 && next >= 48 && next <= 57;
}
