import type { SourceIssue } from '../../core/source.js';
import type { Encoding } from './decoder.js';
import type { EncodingSniff } from './sniff-encoding.js';

const NAMES: Readonly<Record<EncodingSniff['likely'], string>> = { utf8: 'UTF-8', utf16le: 'UTF-16 LE', utf16be: 'UTF-16 BE' };

/**
 * The file-level finding `encoding_mismatch` when the first bytes say the input is not in the encoding it is read
 * with: a byte order mark of another encoding, UTF-16 zero bytes, or UTF-8 read as UTF-16 — or, for a legacy 8-bit
 * encoding, accented letters written as UTF-8 sequences (ASCII alone reads the same in every 8-bit encoding, so it
 * says nothing). The input is still read as declared: the finding (and its `suggestion`, the encoding to declare)
 * makes the mismatch visible, never a silent switch.
 * @example encodingMismatch({ likely: 'utf8', evidence: 'utf8', letters: 12 }, 'tcvn3')?.suggestion // 'utf8'
 */
export function encodingMismatch(sniff: EncodingSniff | undefined, used: Encoding): SourceIssue | undefined {
  if (sniff === undefined || sniff.likely === used) return undefined;
  const utf16 = used === 'utf16le' || used === 'utf16be';
  if (sniff.evidence === 'utf8' && !utf16 && sniff.letters === 0) return undefined;
  const likely = NAMES[sniff.likely];
  return {
    code: 'encoding_mismatch', criterion: 'clean', severity: 'error', scope: 'file',
    params: { declared: used, likely, evidence: evidence(sniff, likely, utf16) },
    suggestion: sniff.likely,
  };
}

function evidence(sniff: EncodingSniff, likely: string, utf16: boolean): { en: string; vi: string } {
  switch (sniff.evidence) {
    case 'bom':
      return { en: `it starts with the ${likely} byte order mark`, vi: `tệp bắt đầu bằng dấu thứ tự byte (BOM) của ${likely}` };
    case 'zero_bytes':
      return { en: 'every other byte is zero, as in UTF-16 text', vi: 'cứ hai byte lại có một byte 0, như văn bản UTF-16' };
    default:
      return utf16
        ? { en: 'its bytes are valid UTF-8 without the zero bytes of UTF-16 text',
          vi: 'các byte là UTF-8 hợp lệ và không có các byte 0 của văn bản UTF-16' }
        : { en: `its bytes are valid UTF-8 with ${sniff.letters} accented letters written as UTF-8 sequences`,
          vi: `các byte là UTF-8 hợp lệ, có ${sniff.letters} chữ có dấu được mã hóa theo UTF-8` };
  }
}
