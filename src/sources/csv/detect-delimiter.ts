const CANDIDATES = [',', ';', '\t'] as const;

/**
 * The delimiter of a header line: whichever of `,` `;` and tab occurs most often outside quotes in the first line
 * (ties and no candidate at all give `,`). Returns `undefined` while the text holds no complete first line, unless
 * `final` (the whole input is known).
 * @example detectDelimiter('mã;tên;"a;b"\n1;2;3', false) // ';'
 */
export function detectDelimiter(text: string, final: boolean): string | undefined {
  const counts = [0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) return pick(counts);
    else if (!quoted) {
      const k = CANDIDATES.indexOf(c as (typeof CANDIDATES)[number]);
      if (k >= 0) counts[k] = (counts[k] as number) + 1;
    }
  }
  return final ? pick(counts) : undefined;
}

function pick(counts: readonly number[]): string {
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] as number) > (counts[best] as number)) best = k;
  return CANDIDATES[best] as string;
}
