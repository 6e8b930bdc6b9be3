/**
 * What Vietnamese text looks like, for the encoding heuristics: a word is valid when it is one Vietnamese syllable
 * (initial consonant, vowel nucleus, final consonant) written in NFC letters, with at most one tone mark, placed on
 * the vowel both spelling conventions agree on, and only sắc or nặng before a final c, ch, k, p, t.
 */

const ACUTE = '\u0301';
const DOT = '\u0323';
const TONES = new Set(['\u0300', ACUTE, '\u0303', '\u0309', DOT]);

const INITIAL = '(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?';
/** Nuclei that end the syllable (they end in a glide, or are ia/ua/ưa/uơ). */
const OPEN = 'iêu|yêu|oai|oay|oao|oeo|uôi|ươi|ươu|uây|uya|uyu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ui|ưi|ưu|ua|ưa|uơ';
/** Nuclei that need a final consonant. */
const CLOSED = 'uyê|iê|yê|uô|ươ|oă|uâ|oo|ôô|ă|â';
/** Nuclei with or without a final consonant. */
const EITHER = 'oa|oe|uê|uy|[aeêioôơuưy]';
/** `k` ends syllables of official place and personal names of Central Highlands origin (Đắk Lắk, Đắk Nông). */
const FINAL = '(ch|ng|nh|[ckmnpt])';

export const SYLLABLE = new RegExp(`^${INITIAL}(?:(${OPEN})|(${CLOSED})${FINAL}|(${EITHER})${FINAL}?)$`);

/** Where the tone mark must sit inside a nucleus, when both conventions agree (index into the nucleus). */
const TONE_AT: Readonly<Record<string, number>> = {
  ai: 0, ao: 0, au: 0, ay: 0, 'âu': 0, 'ây': 0, eo: 0, 'êu': 0, ia: 0, iu: 0, oi: 0, 'ôi': 0, 'ơi': 0, ui: 0, 'ưi': 0,
  'ưu': 0, ua: 0, 'ưa': 0, 'iêu': 1, 'yêu': 1, oai: 1, oay: 1, oao: 1, oeo: 1, 'uôi': 1, 'ươi': 1, 'ươu': 1, 'uây': 1,
  'iê': 1, 'yê': 1, 'uô': 1, 'ươ': 1, 'uyê': 2,
};

/** Finals `nh`/`ch` follow only these nuclei; `ng`/`c` never follow the nuclei in `NO_NG`. */
const NH_CH = new Set(['a', 'ê', 'i', 'y', 'oa', 'uê', 'uy']);
const NO_NG = new Set(['ê', 'i', 'y', 'ơ', 'uy', 'uê']);
const FRONT = new Set(['i', 'e', 'ê', 'y']);
/** Stop finals: only sắc or nặng before them. */
const STOPS = new Set(['c', 'ch', 'k', 'p', 't']);

/**
 * Splits text into tokens: maximal runs of characters that are neither ASCII whitespace, ASCII punctuation nor
 * digits (a no-break space stays inside a token: between letters it is itself a sign of mis-decoding).
 */
export function tokens(text: string): string[] {
  return text.split(/[^A-Za-z\u0080-\uffff]+/).filter((t) => t !== '');
}

const ASCII_WORD = /^[A-Za-z]+$/;

/** A token is plain ASCII letters (neutral: abbreviations, foreign words, text without diacritics). */
export function isAsciiWord(token: string): boolean {
  return ASCII_WORD.test(token);
}

/** The token is one Vietnamese syllable written in NFC (see the module summary for what is checked). */
export function isVietnameseSyllable(token: string): boolean {
  // Words repeat a great deal across rows (a few thousand syllables exist): judge each distinct word once. Short
  // keys only, so the memo holds copies rather than slices that would keep a parser's input chunk alive.
  if (token.length > 8) return false;
  let valid = syllables.get(token);
  if (valid === undefined) {
    valid = judgeSyllable(token);
    if (syllables.size >= 16_384) syllables.clear();
    syllables.set(token, valid);
  }
  return valid;
}

const syllables = new Map<string, boolean>();

function judgeSyllable(token: string): boolean {
  if (token.length > 8 || token !== token.normalize('NFC')) return false;
  let tone: string | undefined;
  let toneAt = -1;
  let base = '';
  for (const ch of token.toLowerCase()) {
    let letter = '';
    for (const part of ch.normalize('NFD')) {
      if (!TONES.has(part)) letter += part;
      else if (tone !== undefined) return false;
      else tone = part;
    }
    if (tone !== undefined && toneAt < 0) toneAt = [...base].length;
    base += letter.normalize('NFC');
  }
  const m = SYLLABLE.exec(base);
  if (m === null) return false;
  const initial = m[1] ?? '';
  const nucleus = m[2] ?? m[3] ?? m[5] ?? '';
  const final = m[4] ?? m[6];
  if (!spelled(initial, nucleus, final)) return false;
  if (final !== undefined && STOPS.has(final) && tone !== ACUTE && tone !== DOT) return false;
  const at = TONE_AT[nucleus];
  return tone === undefined || at === undefined || toneAt - [...initial].length === at;
}

/** Spelling rules: ngh/gh/k only before front vowels, ng/c never; which nuclei take the finals nh/ch and ng/c. */
function spelled(initial: string, nucleus: string, final: string | undefined): boolean {
  const front = FRONT.has(nucleus[0] ?? '');
  if ((initial === 'ngh' || initial === 'gh' || initial === 'k') && !front) return false;
  if ((initial === 'ng' || initial === 'c') && front) return false;
  // After qu the glide is already written: no second o/u glide; a bare y takes a final only there (quýt, quỳnh).
  if (initial === 'qu' && (nucleus[0] === 'o' || nucleus[0] === 'u')) return false;
  if (nucleus === 'y' && final !== undefined && initial !== 'qu') return false;
  if ((final === 'nh' || final === 'ch') && !NH_CH.has(nucleus)) return false;
  return !((final === 'ng' || final === 'c' || final === 'k') && NO_NG.has(nucleus));
}

/** The text has at least one word with diacritics that is a valid Vietnamese syllable. */
export function hasVietnameseWord(text: string): boolean {
  return tokens(text).some((t) => !isAsciiWord(t) && isVietnameseSyllable(t));
}

/**
 * How Vietnamese the text is: the share of its non-ASCII tokens that are valid syllables (1 when it has none).
 * Tokens of plain ASCII letters are neutral.
 */
export function vietnameseScore(text: string): number {
  let judged = 0;
  let valid = 0;
  for (const t of tokens(text)) {
    if (isAsciiWord(t)) continue;
    judged++;
    if (isVietnameseSyllable(t)) valid++;
  }
  return judged === 0 ? 1 : valid / judged;
}
