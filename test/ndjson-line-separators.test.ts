// U+2028 and U+2029 are legal raw inside JSON strings, but Python's str.splitlines, many editors and log shippers
// end a line at them: an NDJSON output holding one raw would be read as two broken records. And JSON.stringify
// escapes C0 controls only: a value holding U+009B (CSI to many terminals), a bidi override (U+202E shows the rest of
// the line reversed), an isolate or a zero-width character was written raw, so `cat` of an output let the data act
// on the terminal. Every NDJSON writer must write them all escaped, so a line is a line for every reader and inert
// on a terminal (JSON reports and the history: json-terminal-controls.test.ts).
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { violationSink } from '../src/outputs/violations.js';
import { gradeSink } from '../src/outputs/grades.js';
import { changeWriter } from '../src/outputs/comparison-changes.js';
import { changeLogSink } from '../src/fix/change-log.js';

const dir = mkdtempSync(join(tmpdir(), 'ddss-ndjson-ls-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// The line and paragraph separators; CSI 2J (clear the screen) written with the 8-bit CSI, a right-to-left override, an
// isolate, the bidi marks, a zero-width space and NEXT LINE.
const HOSTILE = 'Số 5\u2028ngõ 7\u2029xóm 2\u009b2J\u202eevil\u202c\u2066x\u2069\u200e\u200f\u061c\u200b\u0085';
const RAW = /[\u0080-\u009f\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

function memory(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * The lines as a reader that also breaks at U+2028/U+2029 (Python's splitlines) sees them, each parsed, after checking
 * that the text holds no character a terminal acts on raw.
 */
function strictLines(text: string): unknown[] {
  expect(text).not.toMatch(RAW);
  expect(text).toContain('\\u009b2J\\u202eevil');
  return text.split(/\r\n|[\n\r\u2028\u2029]/).filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

describe('NDJSON outputs keep a value with U+2028/U+2029 on one line, and write C1 and bidi controls as \\uXXXX', () => {
  it('violation files', async () => {
    const m = memory();
    const sink = violationSink(m.stream, { format: 'ndjson' });
    await sink.write({ rule: 'address.x', criterion: 'correct', severity: 'error', code: 'c', row: 0, key: HOSTILE, field: 'address',
      value: HOSTILE, message: `address: ${HOSTILE}`, suggestion: HOSTILE });
    await sink.close();
    const lines = strictLines(m.text());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ key: HOSTILE, value: HOSTILE, message: `address: ${HOSTILE}`, suggestion: HOSTILE });
  });

  it('grades files', async () => {
    const m = memory();
    const sink = gradeSink(m.stream, { format: 'ndjson', columns: ['address'] });
    await sink.write({ row: 0, key: HOSTILE, grades: { correct: 0.5, sufficient: 1, clean: 1, live: null }, overall: 0.8,
      findings: { correct: 1, sufficient: 0, clean: 0, live: 0 }, rules: ['address.x'], values: { address: HOSTILE } });
    await sink.close();
    const lines = strictLines(m.text());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ key: HOSTILE, values: { address: HOSTILE } });
  });

  it('compare --changes files', () => {
    const path = join(dir, 'changes.ndjson');
    const fd = openSync(path, 'wx');
    const w = changeWriter(fd, 'ndjson');
    w.write({ key: HOSTILE, status: 'changed', column: 'address', source: HOSTILE, copy: 'x' });
    w.flush();
    closeSync(fd);
    const lines = strictLines(readFileSync(path, 'utf8'));
    expect(lines).toEqual([{ key: HOSTILE, status: 'changed', column: 'address', source: HOSTILE, copy: 'x' }]);
  });

  it('fix change logs', async () => {
    const m = memory();
    const log = changeLogSink(m.stream, { format: 'ndjson' });
    await log.write({ status: 'fixed', row: 0, line: 2, key: HOSTILE, field: 'address', rule: 'address.trimmed',
      code: 'surrounding_whitespace', kind: 'whitespace', before: ` ${HOSTILE}`, after: HOSTILE });
    await log.close();
    const lines = strictLines(m.text());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ before: ` ${HOSTILE}`, after: HOSTILE });
  });
});
