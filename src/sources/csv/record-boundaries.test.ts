import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createScanner, type ScanHandler } from './scanner.js';
import { recordBoundaries } from './record-boundaries.js';

/** Byte offsets where the scanner says records end (after their line ending). */
function scannerEnds(text: string): number[] {
  const ends: number[] = [];
  const h: ScanHandler = {
    record: (_cells, _line, _start, end) => void ends.push(end),
    rejected: (_code, _line, _start, end) => void ends.push(end),
    ending: () => undefined,
  };
  const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20 }, h);
  s.write(text);
  s.end();
  // Text positions → UTF-8 byte offsets.
  return ends.map((end) => Buffer.byteLength(text.slice(0, end)));
}

/** Byte offsets where the boundary machine says records end, fed in chunks. */
function machineEnds(bytes: Uint8Array, chunk: number): number[] {
  const b = recordBoundaries(0x2c);
  const ends: number[] = [];
  for (let at = 0; at < bytes.length; at += chunk) {
    const part = bytes.subarray(at, Math.min(bytes.length, at + chunk));
    b.scan(part, 0, (end) => {
      ends.push(at + end);
      return false;
    });
  }
  return ends;
}

describe('recordBoundaries mirrors the scanner', () => {
  const cell = fc.constantFrom('a', '', '"q,uo""ted"', '"multi\nline"', '"cr\r\nlf"', 'stray"quote', '"x"tail', 'ừ😀', '""');
  const eol = fc.constantFrom('\n', '\r\n', '\r');
  const text = fc.array(fc.tuple(fc.array(cell, { maxLength: 5 }), eol), { minLength: 1, maxLength: 30 })
    .map((rows) => rows.map(([cells, e]) => cells.join(',') + e).join(''));

  it('finds exactly the scanner’s record ends, in any chunking', () => {
    fc.assert(fc.property(text, fc.integer({ min: 1, max: 64 }), (t, chunk) => {
      // The end of input is always a boundary for the range reader, and a CR at the very end cannot yet be told
      // from CRLF: compare the boundaries before the end.
      const total = Buffer.byteLength(t);
      const expected = scannerEnds(t).filter((e) => e < total);
      expect(machineEnds(new TextEncoder().encode(t), chunk).filter((e) => e < total)).toEqual(expected);
    }), { numRuns: 500 });
  });
});
