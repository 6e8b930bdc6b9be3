import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeViolations } from '../outputs/violations.js';
import { loadBaseline } from './load-baseline.js';
import { baselineTally } from './apply-baseline.js';
import type { Report, Violation } from '../core/types.js';

// Keys a violations file must give back exactly, in pairs that must not be confused: a control or bidi character
// (written as `\uXXXX`) and the text of its escape; a backslash before one and the text; a formula and its guard.
const PAIRS: readonly (readonly [string, string])[] = [
  ['P1\u001b[2J', 'P1\\u001b[2J'], ['P\u202e2', 'P\\u202e2'], ['P\\\u001b3', 'P\\\\u001b3'], ['P4\r', 'P4\\r'],
  ['=HYPERLINK("x")', "'=HYPERLINK(\"x\")"], ['C:\\reports\\r', 'C:\\reports\r'], ['P5\u0007', 'P5\\u0007'],
];
const violation = (key: string, i: number): Violation => ({
  rule: 'id.pattern', criterion: 'correct', severity: 'error', code: 'pattern', row: i + 1, key,
  field: i === 0 ? 'mã\u202ethửa' : 'id', value: key, message: `bad ${key}`,
});
const FIRST = PAIRS.map(([a], i) => violation(a, i));
const SECOND = PAIRS.map(([, b], i) => violation(b, i));

/** New violations of `run` against the baseline file: 0 when every one of them is in it. */
async function fresh(file: string, run: readonly Violation[]): Promise<number> {
  const tally = baselineTally(await loadBaseline(file));
  for (const v of run) tally.see(v);
  return tally.apply({ rules: [], status: 'failed', rows: run.length } as unknown as Report).baseline?.new ?? -1;
}

let dir = '';
beforeEach(() => { dir = mkdtempSync(join(tmpdir(), 'ddss-baseline-')); });
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('a violations file read back as a baseline', () => {
  it.each(['v.csv', 'v.ndjson'])('%s knows every violation it was written from, and none of their look-alikes', async (name) => {
    for (const [written, other] of [[FIRST, SECOND], [SECOND, FIRST]] as const) {
      const file = join(dir, name);
      rmSync(file, { force: true });
      await writeViolations(file, written);
      expect(await fresh(file, written)).toBe(0);
      expect(await fresh(file, other)).toBe(other.length);
    }
    // A field holding U+202E is not the field holding its escape's text.
    expect(await fresh(join(dir, name), [{ ...FIRST[0] as Violation, field: 'mã\\u202ethửa' }])).toBe(1);
  });

  it('as CSV holds no character a terminal acts on, and shows each as its escape', async () => {
    const file = join(dir, 'v.csv');
    await writeViolations(file, [...FIRST, ...SECOND]);
    const text = readFileSync(file, 'utf8');
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(text.match(/[\u0000-\u0008\u001b\u007f-\u009f\u202e]|\r(?!\n)/g)).toBeNull();
    expect(text).toContain('P1\\u001b[2J');
    expect(text).toContain('P1\\\\u001b[2J');
  });
});
