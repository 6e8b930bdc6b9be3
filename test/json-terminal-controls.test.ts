// JSON.stringify escapes C0 controls only. A value holding U+009B (CSI to many terminals), a bidi override (U+202E
// shows the rest of the line reversed), an isolate or a zero-width character was written raw, so `cat` of an NDJSON
// output or a report let the data act on the terminal or reorder what it showed. Every NDJSON and JSON file ddss
// writes has them as \uXXXX, and a JSON parser reads back the same values.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendHistory } from '../src/history/read-history.js';
import { historyEntry } from '../src/history/history-entry.js';
import { renderProfile } from '../src/cli/profile.js';
import { compare, defineDataset, field, profile, readCsv, reportObject, toComparisonJson, toJson, validate } from '../src/index.js';
import { cli, scratch } from './fixtures/cli/harness.js';

// CSI 2J (clear the screen) written with the 8-bit CSI, a right-to-left override, an isolate, the bidi marks, a
// zero-width space and NEXT LINE.
const HOSTILE = 'Số 5\u009b2J\u202eevil\u202c\u2066x\u2069\u200e\u200f\u061c\u200b\u0085';
const RAW = /[\u0080-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069]/;

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => { tmp.remove(); });

/** An NDJSON file's records, after checking that it holds no character a terminal acts on raw. */
function records(text: string): unknown[] {
  expect(text).not.toMatch(RAW);
  expect(text).toContain('\\u009b2J\\u202eevil');
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

// The NDJSON writers (violations, grades, compare --changes, fix logs): ndjson-line-separators.test.ts.
describe('the history file writes C1 and bidi controls as \\uXXXX', () => {
  it('history files', async () => {
    const def = defineDataset({ name: 'people', fields: { id: field.text().required() } });
    const report = await validate(def, [{ id: 'P1' }], { now: new Date('2026-11-22') });
    const path = tmp.path('history.ndjson');
    await appendHistory(path, historyEntry(report, { name: HOSTILE }));
    expect(records(readFileSync(path, 'utf8'))).toEqual([expect.objectContaining({ input: { name: HOSTILE } })]);
  });
});

describe('JSON reports write C1 and bidi controls as \\uXXXX, their parsed content unchanged', () => {
  const def = defineDataset({ name: 'people', fields: { id: field.text().pattern(/^P\d+$/) } });
  const rows = [{ id: HOSTILE }, { id: 'P2' }];

  it('toJson (validate --format json, merge --format json)', async () => {
    const report = await validate(def, rows, { now: new Date('2026-11-22'), showValues: true });
    for (const indent of [2, 0]) {
      const out = toJson(report, { indent });
      expect(out).not.toMatch(RAW);
      expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(reportObject(report))));
      expect(out).toContain('\\u202eevil');
    }
  });

  it('toComparisonJson (compare --format json)', async () => {
    const report = await compare(rows, [{ id: HOSTILE.replace('5', '6') }, { id: 'P2' }], { key: 'id', showValues: true });
    const out = toComparisonJson(report);
    expect(out).not.toMatch(RAW);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(report)));
    expect(out).toContain('\\u202eevil');
  });

  it('profile --format json', async () => {
    const p = await profile(readCsv(Buffer.from(`id\n"${HOSTILE}"\nP2\n`)), { showValues: true });
    const out = renderProfile(p, 'json');
    expect(out).not.toMatch(RAW);
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(p)));
    expect(out).toContain('\\u202eevil');
  });

  it('the CLI: validate --violations x.ndjson --format json, and history --format json', async () => {
    // The file's name too, which the report and the history quote.
    const csv = tmp.path('people\u009b2J\u202eevil.csv');
    writeFileSync(csv, `id\n"${HOSTILE}"\nP2\n`);
    const yaml = tmp.path('people.yaml');
    // The dataset's name too, which the history's trend quotes.
    writeFileSync(yaml, 'name: "people\\u202eevil"\nfields:\n  id: { type: text, pattern: "^P\\\\d+$" }\n');
    const [violations, report, hist] = [tmp.path('v.ndjson'), tmp.path('r.json'), tmp.path('h.ndjson')];
    const r = await cli(['validate', csv, '--dataset', yaml, '--violations', violations, '--format', 'json', '--out', report,
      '--history', hist, '--show-values', '--now', '2026-11-22']);
    expect(r.code).toBe(1);
    expect(records(readFileSync(violations, 'utf8'))).toEqual([expect.objectContaining({ value: HOSTILE })]);
    const text = readFileSync(report, 'utf8');
    expect(text).not.toMatch(RAW);
    expect(JSON.stringify(JSON.parse(text))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    const h = await cli(['history', hist, '--format', 'json']);
    expect(h.code).toBe(0);
    expect(h.stdout).not.toMatch(RAW);
    expect(h.stdout).toContain('people\\u202eevil');
    expect(records(readFileSync(hist, 'utf8'))).toEqual([expect.objectContaining({ dataset: 'people\u202eevil' })]);
  });
});
