import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// A date-time without an offset is the wall-clock time of the run's zone (README "timeZone"). A land export written
// in Vietnam's wall-clock time without offsets used to have its records of the last 7 hours before --now reported in
// the future (updated_at.notInFuture), with a hint on stderr that the reading, not the data, put them there.
const DEF = 'name: d\nkey: id\ntimeZone: Asia/Ho_Chi_Minh\nfields:\n  id: { type: text }\n  at: { type: datetime, notInFuture: true }\n';
const NOW = ['--now', '2026-11-22T00:00:00Z']; // 07:00 in Vietnam

interface Json { readonly timeZone: string; readonly rules: readonly { id: string; failed: number; samples: { row: number }[] }[] }
const future = (stdout: string) => (JSON.parse(stdout) as Json).rules.find((r) => r.id === 'at.notInFuture');

function files(values: readonly string[]): { def: string; csv: string } {
  const def = tmp.path('d.yaml');
  writeFileSync(def, DEF);
  const csv = tmp.path('in.csv');
  writeFileSync(csv, `id,at\n${values.map((v, i) => `${i},${v}`).join('\n')}\n`);
  return { def, csv };
}

describe('ddss validate: date-times without an offset in the definition\'s time zone', () => {
  const WALL = ['2026-11-22T06:54:02', '2026-11-22 03:10:00', '2026-11-21T20:00:00'];

  it('wall-clock times of the last 7 hours in Vietnam are not in the future; nothing on stderr', async () => {
    const { def, csv } = files(WALL);
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect((JSON.parse(r.stdout) as Json).timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(future(r.stdout)?.failed).toBe(0);
  });

  it('--time-zone UTC reads them as UTC, as before: two are in the future', async () => {
    const { def, csv } = files(WALL);
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--time-zone', 'UTC', '--format', 'json']);
    expect(r.code).toBe(1);
    expect(future(r.stdout)?.samples.map((v) => v.row)).toEqual([0, 1]);
  });

  it.each<[string, string, string]>([
    ['a date-time without an offset is the wall clock of the definition\'s zone', '2026-11-22T07:00:00', '2026-11-22T00:00:00.000Z'],
    ['with --time-zone, of that zone', '2026-11-22T07:00:00 --time-zone UTC', '2026-11-22T07:00:00.000Z'],
    ['with an offset, the instant it names', '2026-11-22T07:00:00+07:00', '2026-11-22T00:00:00.000Z'],
    ['a date alone, midnight UTC as before', '2026-11-22', '2026-11-22T00:00:00.000Z'],
  ])('--now: %s', async (_title, now, instant) => {
    const { def, csv } = files(WALL);
    const [at, ...rest] = now.split(' ');
    const r = await cli(['validate', csv, '--dataset', def, '--now', at as string, ...rest, '--format', 'json']);
    expect(JSON.parse(r.stdout)).toMatchObject({ now: instant });
  });

  it('shards and their merge read them as one run does', async () => {
    const values = Array.from({ length: 300 }, (_, i) => `2026-11-22 0${i % 10}:${String(i % 60).padStart(2, '0')}:00`);
    const { def, csv } = files(values);
    const one = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json']);
    const parts: string[] = [];
    for (const k of [1, 2, 3]) {
      const state = tmp.path(`part-${k}.ddss-state`);
      parts.push(state);
      expect((await cli(['validate', csv, '--dataset', def, ...NOW, '--shard', `${k}/3`, '--state-out', state])).code).toBe(0);
    }
    const merged = await cli(['merge', ...parts, '--format', 'json']);
    expect(merged.stdout).toBe(one.stdout);
    // 07:00:00 and later on the clock of Vietnam is after 00:00Z: the values of hours 7, 8 and 9
    expect(future(one.stdout)?.failed).toBe(90);
  });
});
