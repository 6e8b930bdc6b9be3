/**
 * How a reference stores a composite key or its kept cells as one text: each part with `\` and NUL escaped, joined
 * by NUL, so different part lists never give the same text (`['a', 'b']` ≠ `['a\u0000b']`).
 */

/**
 * One text for a list of parts, distinct for distinct lists.
 * @example joinParts(['00004', '1', '10']) // '00004\u00001\u000010'
 */
export function joinParts(parts: readonly string[]): string {
  if (parts.length === 1) {
    const p = parts[0] as string;
    return p.includes('\\') || p.includes('\u0000') ? escape(p) : p;
  }
  return parts.map(escape).join('\u0000');
}

/**
 * The parts {@link joinParts} joined.
 * @example splitParts(joinParts(['a', 'b'])) // ['a', 'b']
 */
export function splitParts(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\\') {
      const n = text[++i];
      cur += n === '0' ? '\u0000' : (n ?? '');
    } else if (c === '\u0000') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function escape(p: string): string {
  return p.replace(/\\/g, '\\\\').replaceAll('\u0000', '\\0');
}

/**
 * A cell as key text (text trimmed: surrounding whitespace never makes two identifiers distinct); `undefined` when missing.
 * @example keyPart(' 00004 ') // '00004'; keyPart(7) // '7'; keyPart('') // undefined
 */
export function keyPart(v: unknown): string | undefined {
  if (v === undefined || v === null) return undefined;
  const s = typeof v === 'string' ? v.trim() : v instanceof Date ? `${v.getTime()}` : String(v);
  return s === '' ? undefined : s;
}
