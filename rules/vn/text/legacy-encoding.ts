import { valueRule } from '../../../src/core/rule-base.js';
import type { MessageTable } from '../../../src/core/message.js';
import type { Finding, RuleOptions, ValueRule } from '../../../src/core/types.js';
import { decodeTcvn3, encodeTcvn3 } from '../../../src/sources/decode/tcvn3.js';
import { isWellFormedUtf8 } from '../../../src/sources/decode/utf8-decoder.js';
import { decodeVni, encodeVni } from '../../../src/sources/decode/vni.js';
import { cp1252Bytes, fitsCp1252 } from './_cp1252.js';
import { hasVietnameseWord, vietnameseScore } from './_vietnamese.js';
import { hasMojibakeSignature, repairLossyUtf8 } from './_mojibake.js';
import { rememberLast } from '../../clean/_remember-last.js';
import { BEYOND_LATIN1, MOJIBAKE_LEAD, NON_ASCII, textFacts } from '../../clean/_text-facts.js';

/** An encoding whose bytes were read as Windows-1252. */
export type MisreadEncoding = 'UTF-8' | 'TCVN3' | 'VNI';

/** The diagnosis of a text that looks mis-decoded. */
export interface EncodingDiagnosis {
  /** The encodings that explain the text equally well, the likeliest first (one, unless it is ambiguous). */
  readonly encodings: readonly MisreadEncoding[];
  /** Share (0–1) of the decoded text's non-ASCII words that are valid Vietnamese syllables. */
  readonly score: number;
  /** The decoded text, only when it is entirely valid Vietnamese and the only decoding that is. */
  readonly converted?: string;
}

/** A single-byte decoding worth reporting makes more words valid than the text had, and at least half of them. */
const MIN_SCORE = 0.5;
const utf8 = new TextDecoder('utf-8');

function strictUtf8(bytes: Uint8Array | undefined): string | undefined {
  // Checked, not caught: most bytes here are not UTF-8, and a fatal decoder's exception costs a stack trace each.
  return bytes === undefined || !isWellFormedUtf8(bytes) ? undefined : utf8.decode(bytes);
}

/**
 * "à" in UTF-8 is C3 A0, and A0 read as Windows-1252 is a no-break space, which editors and trimming often turn into
 * a plain space: put A0 back where a UTF-8 lead byte is followed by a space. `undefined` when there is nothing to do.
 */
function withNbspRestored(bytes: Uint8Array): Uint8Array | undefined {
  let out: Uint8Array | undefined;
  for (let i = 0; i + 1 < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b >= 0xc2 && b <= 0xf4 && bytes[i + 1] === 0x20) (out ??= bytes.slice())[i + 1] = 0xa0;
  }
  return out;
}

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Latin letters beyond ASCII (accented, Vietnamese). */
const LATIN_LETTER = /[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]/;

/**
 * Scored detection of Vietnamese text whose bytes were read as Windows-1252 (DOMAIN-VN §6). The characters are turned
 * back into those bytes, then decoded as UTF-8 (strictly; a no-break space lost to a plain space is restored),
 * TCVN3 and VNI. UTF-8 counts whenever the strict decoding changes the text into non-ASCII letters (valid multi-byte
 * sequences do not arise in real Windows-1252 text). TCVN3 and VNI decode any bytes, so they count only when the
 * result re-encodes to the same bytes and makes more words valid Vietnamese syllables than the text had, at least
 * half. Text that is pure ASCII, already valid Vietnamese, or holds characters Windows-1252 cannot produce (any
 * letter beyond Latin-1, so all normal Vietnamese Unicode text) is never diagnosed. Equally good decodings are all
 * named (TCVN3 and VNI are ambiguous on short texts such as `Cöa`); the conversion is offered only when exactly one
 * decoding is entirely valid Vietnamese. Text that no decoding explains as a whole but holds the signature of UTF-8
 * read as Windows-1252 (`áº`, `á»`, `Æ°`, `Ä‘`, `Ã©`…: pairs no Vietnamese text holds) is UTF-8 too: tools drop
 * the five bytes Windows-1252 lacks (`Äáº¯k Láº¯k` for `Đắk Lắk`), and the conversion is offered only when exactly
 * one restoration of them is valid Vietnamese.
 * The last text's diagnosis is remembered (legacyEncoding and the readable-text guard of a field ask in turn).
 * @example diagnoseEncoding('TiÕng ViÖt') // { encodings: ['TCVN3'], score: 1, converted: 'Tiếng Việt' }
 */
export const diagnoseEncoding: (text: string) => EncodingDiagnosis | undefined = rememberLast(diagnose);

function diagnose(text: string): EncodingDiagnosis | undefined {
  // One pass shared with the other text rules of the cell (see textFacts): ASCII text is never diagnosed.
  const facts = textFacts(text);
  if ((facts & NON_ASCII) === 0) return undefined;
  // Text with a character Windows-1252 cannot produce (all normal Vietnamese Unicode text) was not mis-decoded as a
  // whole: only a signature (mojibake beside genuine text, or a U+FFFD for a lost byte) can still tell, which needs
  // a lead character. Latin-1 text always fits; past it, `fitsCp1252` stops at the first letter that does not.
  if ((facts & BEYOND_LATIN1) !== 0 && !fitsCp1252(text)) {
    return (facts & MOJIBAKE_LEAD) !== 0 && hasMojibakeSignature(text) ? lossyUtf8(text) : undefined;
  }
  // What remains (Latin-1 Vietnamese such as "Lê Xuân Lâm", and the mis-decoded text itself) repeats across rows
  // and costs a decoding and a syllable scoring each: remember the diagnosis per distinct short text, bounded. The
  // first texts are kept once the memo is full, rather than all dropped: the bench's names held 9,182 distinct
  // Latin-1 names in a million rows, and a memo of 4,096 emptied whenever it filled diagnosed most of them again
  // (~0.25 s of a one-thread run).
  if (text.length > MAX_REMEMBERED) return diagnoseLatin1(text);
  let d = remembered.get(text);
  if (d === undefined && !remembered.has(text)) {
    d = diagnoseLatin1(text);
    // A flat copy as key, so that the memo never keeps a parser's input chunk alive through a sliced string.
    if (remembered.size < MAX_TEXTS) remembered.set((' ' + text).slice(1), d);
  }
  return d;
}

const MAX_REMEMBERED = 256;
/** Texts remembered at most (~1.5 MB of names). */
const MAX_TEXTS = 16384;
const remembered = new Map<string, EncodingDiagnosis | undefined>();

/** UTF-8 read as Windows-1252 with bytes lost: the diagnosis of a text with the signature. */
function lossyUtf8(text: string): EncodingDiagnosis {
  const repaired = repairLossyUtf8(text);
  return diagnosis(['UTF-8'], repaired.score, repaired.text);
}

/**
 * A diagnosis, frozen (the memo hands the same one to several callers), made in one place. Why: the rule reads
 * `converted` on every diagnosis; objects built by several literals have several hidden classes, and each new one
 * met there deoptimised the field's whole generated check function (recompiled ~10 ms each time, in every thread).
 */
function diagnosis(encodings: MisreadEncoding[], score: number, converted: string | undefined): EncodingDiagnosis {
  // A score is 1 or a fraction: V8 would first store it as a small integer, then, at the first fraction, retire both
  // hidden classes (a "wrong map" deoptimisation of every check that had read one). Two diagnoses made with a
  // fraction before any other, and kept (a hidden class nothing holds may be collected, and made again), hold any
  // number from the start.
  settled ??= [shaped([], 0.5, undefined), shaped([], 0.5, '')];
  return shaped(encodings, score, converted);
}

let settled: readonly EncodingDiagnosis[] | undefined;

function shaped(encodings: MisreadEncoding[], score: number, converted: string | undefined): EncodingDiagnosis {
  const list = Object.freeze(encodings);
  return Object.freeze(converted === undefined ? { encodings: list, score } : { encodings: list, score, converted });
}

/** The diagnosis of non-ASCII text made only of characters a Windows-1252 reading can produce. */
function diagnoseLatin1(text: string): EncodingDiagnosis | undefined {
  return diagnoseWhole(text) ?? (hasMojibakeSignature(text) ? lossyUtf8(text) : undefined);
}

/** The diagnosis of a text that one decoding explains as a whole. */
function diagnoseWhole(text: string): EncodingDiagnosis | undefined {
  const bytes = cp1252Bytes(text);
  const before = bytes === undefined ? 1 : vietnameseScore(text);
  if (bytes === undefined || before === 1) return undefined;
  const candidates: { encoding: MisreadEncoding; text: string; score: number }[] = [];
  const fromUtf8 = strictUtf8(bytes) ?? strictUtf8(withNbspRestored(bytes));
  if (fromUtf8 !== undefined && fromUtf8 !== text && LATIN_LETTER.test(fromUtf8)) {
    candidates.push({ encoding: 'UTF-8', text: fromUtf8, score: vietnameseScore(fromUtf8) });
  }
  const single = (encoding: MisreadEncoding, decoded: string, again: Uint8Array | undefined) => {
    if (decoded === text || !sameBytes(again, bytes) || !hasVietnameseWord(decoded)) return;
    const score = vietnameseScore(decoded);
    if (score > before && score >= MIN_SCORE) candidates.push({ encoding, text: decoded, score });
  };
  const tcvn3 = decodeTcvn3(bytes);
  single('TCVN3', tcvn3, encodeTcvn3(tcvn3));
  const vni = decodeVni(bytes);
  single('VNI', vni, encodeVni(vni));
  if (candidates.length === 0) return undefined;
  // Stable sort: at equal scores UTF-8 (the strongest evidence) stays first.
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates[0] as (typeof candidates)[number];
  const top = candidates.filter((c) => c.score === best.score);
  return diagnosis(top.map((c) => c.encoding), best.score, best.score === 1 && top.length === 1 ? best.text : undefined);
}

const messages: MessageTable = {
  mojibake: {
    en: '{field}: "{value}" looks like UTF-8 text read as Windows-1252 (mojibake)',
    vi: '{field}: "{value}" có vẻ là văn bản UTF-8 bị đọc nhầm theo bảng mã Windows-1252 (lỗi phông chữ)',
  },
  legacy_encoding: {
    en: '{field}: "{value}" looks like text in the legacy {encoding} encoding read as Windows-1252',
    vi: '{field}: "{value}" có vẻ là văn bản theo bảng mã cũ {encoding} bị đọc nhầm theo Windows-1252',
  },
};

/**
 * Text is not Vietnamese in a legacy encoding or UTF-8 mis-read as Windows-1252 (clean, DOMAIN-VN §6): `TiÕng ViÖt`
 * (TCVN3), `Tieáng Vieät` (VNI) → `legacy_encoding` with the encoding as param; `Nguyá»…n`, `HÃ  Ná»™i` → `mojibake`.
 * Detection is a scored heuristic (see `diagnoseEncoding`), a hint and no substitute for declaring a file's encoding;
 * the converted text is offered as a suggestion only when it is entirely valid Vietnamese, and is never applied.
 * Valid Vietnamese (`Cà Mau`), foreign names (`Müller`, `José`) and non-text values pass.
 * @example field.text().use(vn.legacyEncoding()) // "B¶o Th¾ng" → legacy_encoding (TCVN3), suggestion "Bảo Thắng"
 */
export function legacyEncoding(options: RuleOptions = {}): ValueRule {
  return valueRule({ name: 'legacyEncoding', criterion: 'clean', code: 'legacy_encoding', messages,
    fixes: { legacy_encoding: 'legacy-encoding', mojibake: 'legacy-encoding' },
    quotingParams: [] }, (v): Finding | undefined => {
    if (typeof v !== 'string') return undefined;
    const d = diagnoseEncoding(v);
    if (d === undefined) return undefined;
    const suggestion = d.converted === undefined ? {} : { suggestion: d.converted };
    return d.encodings[0] === 'UTF-8'
      ? { code: 'mojibake', ...suggestion }
      : { code: 'legacy_encoding', params: { encoding: d.encodings.join(' / ') }, ...suggestion };
  }, options);
}
