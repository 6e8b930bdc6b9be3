/**
 * Nominal byte ranges for N threads over a file of `size` bytes, after the header. Each range's true start is
 * decided by the reader (the record start at or after the first line break past the nominal offset) and verified
 * against the previous range's quote-aware end, so a split inside a quoted field is detected and re-run.
 * The first range gets `head` bytes more than the others (the calling thread reads it while the workers start), at
 * most half an even share (`(size − dataStart) / parts`) more.
 * @example splitRanges(1000, 100, 3) // [{ from: 100, to: 400 }, { from: 400, to: 700 }, { from: 700, to: 1000 }]
 * @example splitRanges(1000, 100, 3, 90) // [{ from: 100, to: 460 }, { from: 460, to: 730 }, { from: 730, to: 1000 }]
 */
export function splitRanges(size: number, dataStart: number, parts: number, head = 0): Array<{ from: number; to: number }> {
  const n = Math.max(1, Math.floor(parts));
  const span = size - dataStart;
  const extra = n === 1 ? 0 : Math.min(Math.max(0, Math.floor(head)), Math.floor(span / (2 * n)));
  const rest = span - extra;
  const at = (k: number) => (k === 0 ? dataStart : dataStart + extra + Math.floor((rest * k) / n));
  const out: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < n; k++) out.push({ from: at(k), to: k === n - 1 ? size : at(k + 1) });
  return out;
}
