/**
 * Whole files that must be UTF-8 (a commune list, a definition): decoded strictly, since `readFileSync(path, 'utf8')`
 * turns every byte that is not UTF-8 into U+FFFD without a word (a TCVN3 commune list became names like "Ph� Th�").
 */
import { createUtf8Decoder } from './utf8-decoder.js';

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

/** Where the first byte that is not part of well-formed UTF-8 is, as the project's decoder reports it (only on the error's path). */
function firstInvalid(bytes: Uint8Array): number {
  let first = -1;
  const decoder = createUtf8Decoder((offset) => { if (first < 0) first = offset; });
  decoder.write(bytes);
  decoder.end();
  return first < 0 ? bytes.length : first;
}
