import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// A date-time without an offset is read as UTC (README, parseDateTime). A land export written in Vietnam's wall-clock
// time without offsets had its records of the last 7 hours before --now reported in the future (6 rows of the land
// sample: updated_at.notInFuture), and nothing said that the reading, not the data, put them there.
describe('date-times in the future only because they have no offset', () => {
  const DEF = 'name: d\ntimeZone: Asia/Ho_Chi_Minh\nfields:\n  id: { type: text }\n  at: { type: datetime, notInFuture: true }\n';
  const NOW = ['--now', '2026-11-22T00:00:00Z']; // 07:00 in Vietnam

  it.each<[string, readonly string[], RegExp | undefined]>([
    ['wall-clock times of the last 7 hours', ['2026-11-22T06:54:02', '2026-11-22 03:10:00', '2026-11-21T20:00:00'],
      /^ddss: at: the 2 date-times in the future \(at\.notInFuture\) have no UTC offset and are within 07:00 of --now: a date-time without an offset is read as UTC; as the wall-clock time of Asia\/Ho_Chi_Minh \(\+07:00\) they would not be in the future: write them with their offset$/m],
    ['one of them more than 7 hours ahead', ['2026-11-22T06:54:02', '2026-11-22T08:00:00'], undefined],
    ['with an offset, truly in the future', ['2026-11-22T08:00:00+07:00', '2026-11-22T06:00:00Z'], undefined],
    ['in UTC, no hint to give', ['2026-11-22T06:54:02'], undefined],
  ])('%s', async (name, values, hint) => {
    const def = tmp.path('d.yaml');
    writeFileSync(def, name === 'in UTC, no hint to give' ? DEF.replace('Asia/Ho_Chi_Minh', 'UTC') : DEF);
    const path = tmp.path('in.csv');
    writeFileSync(path, `id,at\n${values.map((v, i) => `${i},${v}`).join('\n')}\n`);
    const r = await cli(['validate', path, '--dataset', def, ...NOW]);
    expect(r.code).toBe(1);
    if (hint === undefined) expect(r.stderr).toBe('');
    else expect(r.stderr).toMatch(hint);
  });
});
