import { describe, expect, it } from 'vitest';
import { createSkipper } from './skipper.js';

/** Feeds text in pieces; returns where the record ended (global index) and what the skipper learned. */
function skip(pieces: readonly string[], eof = true): { end: number; breaks: number; kind: number; open: boolean } {
  const sk = createSkipper(44, 1, 0);
  let offset = 0;
  for (const [i, p] of pieces.entries()) {
    const done = sk.scan(p, 0, eof && i === pieces.length - 1);
    if (done >= 0) return { end: offset + done, breaks: sk.breaks, kind: sk.kind, open: sk.open };
    offset += p.length;
  }
  const done = sk.scan('', 0, eof);
  return { end: offset + done, breaks: sk.breaks, kind: sk.kind, open: sk.open };
}

describe('createSkipper', () => {
  it.each([
    ['an unquoted record ending in LF', 'aaa,bbb\nnext', { end: 8, breaks: 0, kind: 1, open: false }],
    ['a CRLF ending', 'aaa\r\nnext', { end: 5, breaks: 0, kind: 2, open: false }],
    ['a CR ending', 'aaa\rnext', { end: 4, breaks: 0, kind: 4, open: false }],
    ['quoted line breaks (CRLF counts once)', '"a\r\nb\nc\rd",e\nnext', { end: 13, breaks: 3, kind: 1, open: false }],
    ['escaped quotes', '"a""\n""b"\nnext', { end: 10, breaks: 1, kind: 1, open: false }],
    ['text after a closing quote', '"a"b"c\nnext', { end: 7, breaks: 0, kind: 1, open: false }],
    ['an unclosed quote to the end (a final line ending starts no line)', '"abc\ndef\n', { end: 9, breaks: 1, kind: 0, open: true }],
    ['the end of the input outside quotes', 'abc', { end: 3, breaks: 0, kind: 0, open: false }],
  ])('%s, whole or one character at a time', (_, text, want) => {
    expect(skip([text])).toEqual(want);
    expect(skip([...text])).toEqual(want);
  });
});
