/**
 * `parse`, remembering its last text and answer. Why: the rules of one row ask in turn about the same cell (a CCCD's
 * cccd, cccdPlausible, idBirthYear and idGender; a card code's five rules; legacyEncoding and the readable-text guard
 * of a name), and one entry is all the memo a row needs. The answers are shared by those callers, so they must not
 * be changed: `parse` returns frozen objects (or primitives).
 * @example const parseCccd = rememberLast(parse); parseCccd(id) === parseCccd(id) // true
 */
export function rememberLast<T>(parse: (text: string) => T): (text: string) => T {
  let lastText: string | undefined;
  let last: T;
  return (text) => {
    if (text !== lastText) {
      last = parse(text);
      lastText = text;
    }
    return last;
  };
}
