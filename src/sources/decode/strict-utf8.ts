/**
 * Whole files that must be UTF-8 (a commune list, a definition): decoded strictly, since `readFileSync(path, 'utf8')`
 * turns every byte that is not UTF-8 into U+FFFD without a word (a TCVN3 commune list became names like "Ph� Th�").
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/**
 * The text of `bytes` (a leading byte order mark dropped), or an Error saying where the first byte that is not
 * UTF-8 is: `<what> is not UTF-8 (byte 0xF3 on line 2)`.
 * @example strictUtf8(readFileSync(path), 'the list') // 'code,name\n…' or an Error
 */
export function strictUtf8(bytes: Uint8Array, what: string): string | Error {
  try {
    return strict.decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    let line = 1;
    for (let i = 0; i < at; i++) if (bytes[i] === 0x0a) line++;
    const byte = (bytes[at] ?? 0).toString(16).toUpperCase().padStart(2, '0');
    return new Error(`${what} is not UTF-8 (byte 0x${byte} on line ${line})`);
  }
}

/** Where the first byte that is not part of well-formed UTF-8 is (only on the error's path: a sequence at a time). */
function firstInvalid(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const c = bytes[i] as number;
    const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n === 0 || (n > 1 && !wellFormed(bytes.subarray(i, i + n)))) return i;
    i += n;
  }
  return bytes.length;
}

function wellFormed(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}
