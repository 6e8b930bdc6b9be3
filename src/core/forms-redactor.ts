import { maskDays, personalDays } from './_date-forms.js';

/** Shortest word of a personal value masked on its own: `An`, `Lê`, `Hà` alone say nothing of whose they are. */
const MIN_WORD_LETTERS = 3;

/**
 * Words of names and addresses that on their own identify no one and that messages quote for what they mean: titles
 * (`Ông Nguyễn Văn An`), the middle names Văn and Thị (they tell a man's or a woman's name, not whose), the gender
 * Nam, and the units of an address. Compared in their exact (lower-case) form: with tones taken off, `Văn` would also
 * spare `Vân`, `ngõ` the family name `Ngô`. Words under {@link MIN_WORD_LETTERS} letters are never masked alone, so
 * `Bà`, `Cô`, `Số`, `Xã` need no entry. A given name that is also such a word (`Anh`, `Nam`) is left, like `Văn`.
 */
const ANONYMOUS_WORDS: ReadonlySet<string> = new Set([
  'ông', 'anh', 'chị', 'chú', 'bác', 'cậu', 'thím', 'ngài', 'mrs', 'miss',
  'văn', 'thị', 'nam',
  'đường', 'phố', 'phường', 'quận', 'huyện', 'tỉnh', 'trấn', 'thôn', 'xóm', 'khu', 'ngõ', 'ngách', 'hẻm', 'kiệt',
  'buôn', 'bản', 'làng', 'khóm',
]);

/** Letters run together that hold a whole name (`nguyenvankhanh`) are masked from this many letters. */
const MIN_GLUED_LETTERS = 6;

const WORD = /[\p{L}\p{M}]+/gu;

/** What a text needs before its words are read: three letters in a row. */
const MAY_NAME = /[\p{L}\p{M}]{3}/u;

/** What a text needs before its dates are read: four digits in a row, or two digit groups (`23/3/61`). */
const MAY_DATE = /\d{4}|\d[-/. ]\d/;

/** Bound of a {@link wordFolder}'s memory: past it, it starts afresh. */
const FOLDS_KEPT = 50_000;

/**
 * A word without case, tones or other marks, so `KHÁNH`, `Khanh` and `khánh` are one word (`đ` read as `d`);
 * remembered, since names are made of few words and each row asks again.
 * @example wordFolder()('Đặng') // 'dang'
 */
export function wordFolder(): (word: string) => string {
  const folds = new Map<string, string>();
  return (word) => {
    let f = folds.get(word);
    if (f === undefined) {
      if (folds.size >= FOLDS_KEPT) folds.clear();
      f = word.toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd');
      folds.set(word, f);
    }
    return f;
  };
}

/** A word as a personal name is shown: its first letter, the others starred (`K****`). */
function maskWord(word: string): string {
  const chars = Array.from(word.normalize('NFC'));
  return (chars[0] ?? '') + '*'.repeat(chars.length - 1);
}

/**
 * A redactor of what a check may quote of personal values besides the values themselves (which `redactor` masks):
 * each of their words of {@link MIN_WORD_LETTERS} letters or more, in any case and with or without tones (the given
 * name `Khánh` of `Nguyễn Văn Khánh`, also `KHANH`), except words that identify no one alone (titles, Văn, Thị, the
 * units of an address); a value of several words written as one (`nguyenvankhanh`); and a date the values hold,
 * written in another common form (`23/03/1961` as `1961-03-23T00:00:00.000Z`, `23-03-1961`, `3/23/1961`,
 * `19610323`, `23 Mar 1961`, `23 tháng 3 năm 1961`). A year alone, or a day and month without one, are left. The
 * values' words are read when a text first has a word to compare, their dates when it first has a date: a text that
 * could hold neither (`3`, `001`) costs nothing. `fold`: a {@link wordFolder} kept across rows.
 * @example formsRedactor(['Nguyễn Văn Khánh', '23/03/1961'])('Văn Khánh, 1961-03-23') // 'Văn K****, ****-**-**'
 */
export function formsRedactor(secrets: readonly string[], fold = wordFolder()): (text: string) => string {
  let names: { words: ReadonlySet<string>; glued: readonly string[] } | undefined;
  let days: ReadonlySet<number> | undefined;

  return (text) => {
    let out = MAY_DATE.test(text) ? maskDays(text, days ??= personalDays(secrets)) : text;
    if (!MAY_NAME.test(out)) return out;
    const { words, glued } = names ??= namesOf(secrets, fold);
    if (words.size > 0 || glued.length > 0) {
      out = out.replace(WORD, (word) => {
        const f = fold(word);
        return words.has(f) || glued.some((g) => f.includes(g)) ? maskWord(word) : word;
      });
    }
    return out;
  };
}

/** The values' words masked alone (folded), and each value of several words run together. */
function namesOf(secrets: readonly string[], fold: (word: string) => string) {
  const words = new Set<string>();
  const glued: string[] = [];
  for (const secret of secrets) {
    const own = secret.normalize('NFC').match(WORD) ?? [];
    const folded = own.map(fold);
    own.forEach((word, i) => {
      const f = folded[i] as string;
      if (f.length >= MIN_WORD_LETTERS && !ANONYMOUS_WORDS.has(word.toLowerCase())) words.add(f);
    });
    const all = folded.join('');
    if (own.length > 1 && all.length >= MIN_GLUED_LETTERS) glued.push(all);
  }
  return { words, glued };
}
