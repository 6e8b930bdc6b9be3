// U+2028 and U+2029 are legal raw inside JSON strings, but Python's str.splitlines, many editors and log shippers
// end a line at them: an NDJSON output holding one raw would be read as two broken records. Every NDJSON writer
// must write them escaped, so a line is a line for every reader.
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

const HOSTILE = 'Số 5\u2028ngõ 7\u2029xóm 2';

function memory(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/** The lines as a reader that also breaks at U+2028/U+2029 (Python's splitlines) sees them, each parsed. */
function strictLines(text: string): unknown[] {
  expect(text).not.toMatch(/[\u2028\u2029]/);
  return text.split(/\r\n|[\n\r\u2028\u2029]/).filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

describe('NDJSON outputs keep a value with U+2028/U+2029 on one line', () => {
  it('violation files', async () => {
    const m = memory();
    const sink = violationSink(m.stream, { format: 'ndjson' });
    await sink.write({ rule: 'address.x', criterion: 'correct', severity: 'error', code: 'c', row: 0, field: 'address',
      value: HOSTILE, message: `address: ${HOSTILE}` });
    await sink.close();
    const lines = strictLines(m.text());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ value: HOSTILE, message: `address: ${HOSTILE}` });
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
