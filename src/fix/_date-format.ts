/**
 * A date written in another format than its field's, rewritten in the field's format when no reading but one is
 * possible: year first (`2023-07-16`, `2023/7/16`, `2023.07.16`), or day first with other separators or without
 * padding (`16.07.2023`, `16-7-2023`, `3/4/2023`) when the field's format is day first too, so the writer used the
 * same order. A day-first date for a field that is not day first (`03/04/2023` read as yyyy-MM-dd could be 3 April
 * or 4 March), two-digit years, times and impossible dates (`31/02/2023`) give undefined. Only date formats made of
 * `yyyy`, `MM`, `dd` and separators are written; other formats give undefined.
 * @example reformatDate('2023-07-16', 'dd/MM/yyyy') // '16/07/2023'
 * @example reformatDate('3/4/2023', 'yyyy-MM-dd') // undefined (which is the month?)
 */
export function reformatDate(text: string, format: string): string | undefined {
  const order = orderOf(format);
  if (order === undefined) return undefined;
  const t = text.trim();
  let y: number;
  let m: number;
  let d: number;
  const yearFirst = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/.exec(t);
  const dayFirst = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/.exec(t);
  if (yearFirst !== null) [y, m, d] = [Number(yearFirst[1]), Number(yearFirst[3]), Number(yearFirst[4])];
  else if (dayFirst !== null && order === 'dmy') [d, m, y] = [Number(dayFirst[1]), Number(dayFirst[3]), Number(dayFirst[4])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1000) return undefined;
  const two = (n: number): string => String(n).padStart(2, '0');
  const out = format.replace(/yyyy|MM|dd/g, (k) => (k === 'yyyy' ? String(y) : k === 'MM' ? two(m) : two(d)));
  return out === t ? undefined : out;
}

/** The order of a `yyyy`/`MM`/`dd` format (`dmy`, `ymd`, `mdy`), or undefined for any other format. */
function orderOf(format: string): string | undefined {
  // Only tokens and separators: removing the tokens leaves separators (one regex repeating the alternation would be
  // refused by ddss's own backtracking guard, rightly or not).
  if (!/^[-/. ]*$/.test(format.replace(/yyyy|MM|dd/g, ''))) return undefined;
  const tokens = format.match(/yyyy|MM|dd/g) ?? [];
  if (tokens.length !== 3 || new Set(tokens).size !== 3) return undefined;
  return tokens.map((k) => k[0]?.toLowerCase()).join('');
}
