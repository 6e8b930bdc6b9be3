/**
 * Nominal byte ranges for N workers over a file of `size` bytes, after the header. Each range's true start is
 * decided by the reader (the record start at or after the first line break past the nominal offset) and verified
 * against the previous range's quote-aware end, so a split inside a quoted field is detected and re-run.
 * @example splitRanges(1000, 100, 3) // [{ from: 100, to: 400 }, { from: 400, to: 700 }, { from: 700, to: 1000 }]
 */
export function splitRanges(size: number, dataStart: number, parts: number): Array<{ from: number; to: number }> {
  const n = Math.max(1, Math.floor(parts));
  const span = size - dataStart;
  const out: Array<{ from: number; to: number }> = [];
  for (let k = 0; k < n; k++) {
    out.push({ from: dataStart + Math.floor((span * k) / n), to: k === n - 1 ? size : dataStart + Math.floor((span * (k + 1)) / n) });
  }
  return out;
}
