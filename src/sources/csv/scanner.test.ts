import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScanner, type CsvScanner } from './scanner.js';

type Event = readonly unknown[];

/** Scans text in the given pieces; returns what the handler saw. */
function scan(pieces: readonly string[], maxRecordBytes = 1 << 20, delimiter = ','): { events: Event[]; lines: number } {
  const events: Event[] = [];
  const s = createScanner({ delimiter, maxRecordBytes }, {
    record: (cells, line) => events.push([line, ...cells]),
    rejected: (code, line, _start, _end, open) => events.push([line, code, open ? 'open' : 'closed']),
    ending: (kind, line) => events.push(['ending', kind, line]),
  });
  for (const p of pieces) s.write(p);
  s.end();
  return { events, lines: s.lines };
}

describe('createScanner', () => {
  it.each([
    ['no line ending at the end', 'a,b\n1,2', [['ending', 'LF', 1], [1, 'a', 'b'], [2, '1', '2']], 2],
    ['a final line ending starts no record', 'a\n1\n', [['ending', 'LF', 1], [1, 'a'], [2, '1']], 2],
    ['an empty line is a record of one empty cell', 'a\n\n1\n', [['ending', 'LF', 1], [1, 'a'], [2, ''], [3, '1']], 3],
    ['a trailing delimiter gives an empty last cell', 'a,\n', [['ending', 'LF', 1], [1, 'a', '']], 1],
    ['quoted delimiters, quotes and line breaks', '"a,b","c""d","e\nf"\n2',
      [['ending', 'LF', 2], [1, 'a,b', 'c"d', 'e\nf'], [3, '2']], 3],
    ['CRLF inside quotes counts one line', '"x\r\ny"\r\nz', [['ending', 'CRLF', 2], [1, 'x\r\ny'], [3, 'z']], 3],
    ['a lone CR ends a record', 'a\rb', [['ending', 'CR', 1], [1, 'a'], [2, 'b']], 2],
    ['text after a closing quote is kept', '"ab"cd,e', [[1, 'abcd', 'e']], 1],
    ['a quote inside an unquoted value is a character', 'ab"c,d"', [[1, 'ab"c', 'd"']], 1],
    ['an unclosed quote swallows the rest', 'a\n"b\nc\n', [['ending', 'LF', 1], [1, 'a'], [2, 'unclosed_quote', 'open']], 3],
    ['an empty input has no record', '', [], 0],
  ] as const)('%s', (_, text, events, lines) => {
    expect(scan([text])).toEqual({ events, lines });
    expect(scan([...text])).toEqual({ events, lines });
  });

  it('sees the same records, lines and offsets however the text is cut into pieces', () => {
    const unit = fc.constantFrom('a', 'é', ',', '"', '""', '\n', '\r', '\r\n', ' ', 'Đ', '😀', 'xyz');
    const cuts = (text: string) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, text.length - 1) }), { maxLength: 8 })
      .map((at) => [0, ...at.filter((i) => i < text.length).sort((x, y) => x - y), text.length]);
    const run = (pieces: readonly string[], max: number) => {
      const events: unknown[] = [];
      const sc = createScanner({ delimiter: ',', maxRecordBytes: max }, {
        record: (cells, line, start, end) => events.push([line, start, end, ...cells]),
        rejected: (code, line, start, end, open) => events.push([line, code, start, end, open]),
        ending: (kind, line) => events.push(['ending', kind, line]),
      });
      for (const piece of pieces) sc.write(piece);
      sc.end();
      return { events, lines: sc.lines };
    };
    fc.assert(fc.property(fc.array(unit, { maxLength: 60 }).map((u) => u.join('')).chain((text) =>
      fc.tuple(fc.constant(text), cuts(text), fc.constantFrom(1 << 20, 8))), ([text, at, max]) => {
      const pieces = at.slice(1).map((end, i) => text.slice(at[i], end));
      expect(run(pieces, max)).toEqual(run([text], max));
    }), { numRuns: 2000 });
  });

  it('keeps a record exactly at the cap whose CRLF is cut between two pieces, as it keeps it in one piece', () => {
    // Found by the property above: the pending "xyz\"axyz\r" (8 units and a CR that may be its line ending) was
    // taken for a record over 8 bytes and skipped as record_too_large.
    const text = 'xyz\r' + 'xyz"axyz\r\n' + '""😀""';
    const whole = scan([text], 8);
    expect(scan([text.slice(0, 13), text.slice(13)], 8)).toEqual(whole);
    expect(whole.events).toContainEqual([2, 'xyz"axyz']);
  });

  it('uses the given delimiter', () => {
    expect(scan(['a;b,c\t"d;e"'], 1 << 20, ';').events).toEqual([[1, 'a', 'b,c\t"d', 'e"']]);
  });

  it.each([
    ['a long unquoted record', 'id\n' + 'x'.repeat(40) + '\nok\n', [[1, 'id'], [2, 'record_too_large', 'closed'], [3, 'ok']]],
    ['a long quoted record with line breaks', 'id\n"' + 'y\n'.repeat(20) + '"\nok', [[1, 'id'], [2, 'record_too_large', 'closed'], [23, 'ok']]],
    ['a long unclosed quote', 'id\n"' + 'z\r\n'.repeat(20), [[1, 'id'], [2, 'record_too_large', 'open']]],
    ['a record of multi-byte letters over the cap in UTF-8 bytes only', 'id\n' + 'ệ'.repeat(10), [[1, 'id'], [2, 'record_too_large', 'closed']]],
  ])('rejects %s larger than maxRecordBytes, in any chunking', (_, text, events) => {
    const whole = scan([text], 16).events.filter((e) => e[0] !== 'ending');
    expect(whole).toEqual(events);
    expect(scan([...text], 16).events.filter((e) => e[0] !== 'ending')).toEqual(events);
  });

  it('keeps at most about maxRecordBytes plus one chunk while skipping an oversized record', () => {
    let maxHeld = 0;
    const s: CsvScanner = createScanner({ delimiter: ',', maxRecordBytes: 1000 }, { record: () => {}, rejected: () => {}, ending: () => {} });
    s.write('id\n"');
    for (let i = 0; i < 2000; i++) {
      s.write('x'.repeat(500));
      maxHeld = Math.max(maxHeld, s.buffered);
    }
    s.end();
    expect(maxHeld).toBeLessThanOrEqual(1000 + 500);
  });

  it('tells which cell of the current record holds a text position', () => {
    const found: number[] = [];
    const s = createScanner({ delimiter: ',', maxRecordBytes: 1 << 20 }, {
      record: (_cells, _line, start) => {
        if (start > 0) found.push(s.cellAt(start), s.cellAt(start + 2), s.cellAt(start + 5), s.cellAt(start + 9));
      },
      rejected: () => {},
      ending: () => {},
    });
    s.write('h\nab,"c,d",e\n');
    s.end();
    expect(found).toEqual([0, 0, 1, 2]);
  });
});
