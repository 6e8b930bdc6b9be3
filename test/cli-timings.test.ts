import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

interface Timed { timings?: { stages: Record<string, number>; rules: Array<{ id: string; ms: number; share: number }> }; rules: Array<{ id: string }> }

describe('ddss validate --timings', () => {
  it('prints the stages and the slowest rules, with their share of rule time, after the summary', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--timings']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Timings: '));
    expect(at).toBeGreaterThan(0);
    expect(lines[at]).toMatch(/^Timings: [\d.]+ m?s wall · [\d.]+ m?s CPU · 1 thread$/);
    expect(lines[at + 1]).toMatch(/^ {2}read [\d.]+ m?s · parse [\d.]+ m?s · rules [\d.]+ m?s · merge [\d.]+ m?s · output [\d.]+ m?s$/);
    expect(lines[at + 2]).toBe('  Slowest rules (share of rule time):');
    const rows = lines.slice(at + 3).filter((l) => /^ {4}\s*[\d.]+ m?s\s+[\d.]+%\s+\S+$/.test(l));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    expect(rows.length).toBeLessThanOrEqual(10);
    expect(rows.some((l) => l.endsWith(' parcel_id.unique'))).toBe(true);
  });

  it('puts timings in the JSON report only when asked, with every rule and the output stage', async () => {
    const plain = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json']);
    expect(plain.stdout).not.toContain('"timings"');
    expect(plain.stdout).not.toContain('Timings:');
    const out = tmp.path('r.json');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--format', 'json', '--out', out, '--timings']);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Timed;
    const ids = report.rules.map((x) => x.id).filter((id) => !id.startsWith('source.')).sort();
    expect(report.timings?.rules.map((x) => x.id).sort()).toEqual(ids);
    expect(report.timings?.stages.output).toBeGreaterThanOrEqual(0);
    // The summary printed after the written report has the table too.
    expect(r.stdout).toContain('Slowest rules (share of rule time):');
    const { timings: _, ...rest } = report;
    expect(JSON.stringify(rest, null, 2)).toBe(JSON.stringify(JSON.parse(plain.stdout), null, 2));
  });

  it('is refused for a shard (a shard is not a whole run)', async () => {
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--shard', '1/2',
      '--state-out', tmp.path('s.ddss-state'), '--timings']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--timings');
  });
});
