import type { SourceIssue } from '../core/source.js';
import { byteOrderMark } from './decode/decoder.js';

/** The finding and the read error of an input that holds no data. */
export interface EmptyInput {
  readonly issue: SourceIssue;
  readonly error: string;
}

const NAMES: Readonly<Record<string, string>> = { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE' };

/**
 * An input with nothing to evaluate — 0 bytes, only a byte order mark, or (where the format allows it, JSON) only
 * whitespace — is not an empty table that passes: it gives the file-level finding `empty` (sufficient, error) and a
 * read error, so the run is partial with status `error`, as Frictionless treats an empty file. `head` is the first
 * bytes of the input (enough to hold a byte order mark), `bytes` its whole size.
 * @example emptyInput(0, new Uint8Array(0)).error // 'the input is empty (0 bytes)'
 */
export function emptyInput(bytes: number, head: Uint8Array): EmptyInput {
  const bom = byteOrderMark(head);
  const error = bytes === 0 ? 'the input is empty (0 bytes)'
    : bom !== undefined && bom[1] === bytes ? `the input holds only a byte order mark (${NAMES[bom[0]]}, ${bytes} bytes)`
      : `the input holds only ${bom === undefined ? '' : 'a byte order mark and '}whitespace (${bytes} bytes)`;
  return { issue: { code: 'empty', criterion: 'sufficient', severity: 'error', scope: 'file', params: { bytes } }, error };
}
