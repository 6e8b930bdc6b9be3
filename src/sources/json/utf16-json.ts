import type { BinaryInput } from '../binary-input.js';
import { encodingMismatch } from '../decode/encoding-mismatch.js';
import { sniffEncoding } from '../decode/sniff-encoding.js';

const NAMES = { utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE' } as const;

/**
 * The finding and the read error of a JSON or NDJSON input that is UTF-16 text, told by its first bytes: a UTF-16
 * byte order mark, or the zero bytes of UTF-16 (JSON text starts with ASCII, so the first units of UTF-16 JSON have
 * one zero byte each; raw NUL is never JSON). JSON is read as UTF-8 (RFC 8259), and Windows PowerShell 5 writes
 * `ConvertTo-Json > export.json` as UTF-16 LE: decoded as UTF-8 it was "invalid JSON at byte 0", which does not say
 * what to do. It is `encoding_mismatch` (file scope) and the read fails, as for a binary input; nothing is decoded.
 * `undefined` for anything else.
 * @example utf16Json(Uint8Array.of(0xff, 0xfe, 0x5b, 0))?.error // 'the input is UTF-16 LE text, and JSON is read as UTF-8: …'
 */
export function utf16Json(head: Uint8Array): BinaryInput | undefined {
  const sniff = sniffEncoding(head, false);
  if (sniff === undefined || sniff.likely === 'utf8') return undefined;
  const issue = encodingMismatch(sniff, 'utf8');
  if (issue === undefined) return undefined;
  return {
    issue,
    error: `the input is ${NAMES[sniff.likely]} text, and JSON is read as UTF-8: convert it first (iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.json)`,
  };
}
