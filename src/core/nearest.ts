/**
 * The candidate closest to `name`, when it is near enough to be a misspelling of it. Names compare with case,
 * diacritics and `_`/space/`-`/`.` folded away; then one typing slip is allowed — a letter wrong, missing, added, or
 * two neighbours swapped (`weigth` for `weight`) — between names of 4 letters or more, two from 8 letters. Names of 3
 * letters allow one letter missing, added or swapped with its neighbour (`cod` for `code`), never a wrong letter:
 * `cod` and `col` are other words, not one misspelt. Shorter names must fold alike. The first closest candidate wins.
 * @example nearest('owner_id', ['id', 'ownerId']) // 'ownerId'
 * @example nearest('weigth', ['height', 'weight']) // 'weight'
 * @example nearest('cod', ['col', 'code']) // 'code'
 */
export function nearest(name: string, candidates: readonly string[]): string | undefined {
  const key = fold(name);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const k = fold(c);
    const d = k === key ? 0 : slips(k, key, 2);
    const shorter = Math.min(k.length, key.length);
    // Two slips turn any short name into another, and one wrong letter turns a 3-letter word into another word.
    const limit = shorter >= 8 ? 2 : shorter >= 4 ? 1 : shorter === 3 && !sameLetterCountOneWrong(k, key) ? 1 : 0;
    if (d <= limit && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/** Case, Vietnamese diacritics (đ → d) and `_`/space/`-`/`.` folded away. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[\s_.-]+/g, '');
}

/** Whether `a` and `b` are as long as each other and differ in exactly one position (a wrong letter). */
function sameLetterCountOneWrong(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let wrong = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) wrong++;
  return wrong === 1;
}

/**
 * The typing slips between two names: edits of one letter, and two neighbours swapped counted as one (the optimal
 * string alignment distance), or `limit + 1` as soon as it must exceed `limit` (names are short).
 */
function slips(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let low = i;
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      // Two neighbours swapped: one slip, not two edits.
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, (before[j - 2] as number) + 1);
      cur.push(v);
      if (v < low) low = v;
    }
    if (low > limit) return limit + 1;
    before = prev;
    prev = cur;
  }
  return prev[b.length] as number;
}
