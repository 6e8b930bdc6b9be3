import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';
import { assertValidReport } from './_report-schema.js';
import type { Report } from '../src/core/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const BASE = ['--dataset', 'parcels.yaml', ...NOW];

async function runOnce(input: string, history: string, extra: string[] = []): Promise<{ code: number; report: Report; stdout: string }> {
  const r = await cli(['validate', input, ...BASE, '--history', history, '--format', 'json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stdout: r.stdout };
}

describe('ddss validate --history', () => {
  it('appends one line per run and judges each run against the earlier ones', async () => {
    const h = tmp.path('h.ndjson');
    const input = tmp.path('parcels.csv');
    copyFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), input);
    const first = await runOnce(input, h);
    // No earlier run: every history rule is skipped, and the status is the run's own.
    const plain = JSON.parse((await cli(['validate', input, ...BASE, '--format', 'json'])).stdout) as Report;
    expect(first.report.status).toBe(plain.status);
    const own = first.report.rules.filter((r) => r.id.startsWith('history.'));
    expect(own.map((r) => r.id)).toEqual(['history.row_count_drop', 'history.failure_rate_jump.correct',
      'history.failure_rate_jump.sufficient', 'history.failure_rate_jump.clean', 'history.stale_input']);
    expect(own.every((r) => r.status === 'skipped' && r.checked === 0)).toBe(true);
    expect(first.report.score).toBe(plain.score);
    // The same bytes again: history.stale_input fails (a warning), from the second run on.
    const second = await runOnce(input, h);
    expect(second.report.rules.find((r) => r.id === 'history.stale_input')?.status).toBe('failed');
    expect(second.report.history).toEqual({ name: h, runs: 1, trend: expect.any(Object) as unknown });
    assertValidReport({ ...second.report, violations: [] });
    const lines = readFileSync(h, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[1] as string)).toMatchObject({ history: 1, dataset: 'parcels', rows: plain.rows, status: second.report.status });
  });

  it('writes the history findings to the --violations file, after the run\'s own, as dataset-level lines', async () => {
    const h = tmp.path('h.ndjson');
    const input = tmp.path('parcels.csv');
    copyFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), input);
    await runOnce(input, h);
    const second = await runOnce(input, h, ['--violations', tmp.path('v.ndjson')]);
    const lines = readFileSync(tmp.path('v.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    const own = second.report.rules.filter((r) => !r.id.startsWith('history.')).reduce((n, r) => n + r.violations, 0);
    expect(lines).toHaveLength(own + 1);
    expect(lines.at(-1)).toEqual({ rule: 'history.stale_input', criterion: 'live', severity: 'warning', code: 'stale_input',
      value: 'parcels.csv', message: expect.stringMatching(/^the input is byte-identical to the previous run's/) as unknown });
    // CSV too: the same finding, as the last line.
    await runOnce(input, h, ['--violations', tmp.path('v.csv')]);
    expect(readFileSync(tmp.path('v.csv'), 'utf8').trim().split('\n').at(-1)).toMatch(/^history\.stale_input,live,warning,stale_input,/);
  });

  it('reports a drop in rows against the median of the last runs', async () => {
    const h = tmp.path('h.ndjson');
    const input = tmp.path('parcels.csv');
    const text = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
    writeFileSync(input, text);
    for (let i = 0; i < 3; i++) await runOnce(input, h);
    const header = text.split('\n')[0] as string;
    writeFileSync(input, `${header}\n${text.split('\n')[1] as string}\n`);
    const last = await runOnce(input, h, ['--history-severity', 'error']);
    const drop = last.report.rules.find((r) => r.id === 'history.row_count_drop');
    expect([drop?.status, drop?.severity]).toEqual(['failed', 'error']);
    expect(last.code).toBe(1);
    expect(last.report.status).toBe('failed');
  });

  it('refuses a damaged history, and history thresholds without --history (exit 2)', async () => {
    const h = tmp.path('h.ndjson');
    writeFileSync(h, '{"history":1,"dataset":"parcels"}\n');
    const r = await cli(['validate', 'parcels.csv', ...BASE, '--history', h]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 1 is not a ddss history entry');
    expect((await cli(['validate', 'parcels.csv', ...BASE, '--history-window', '5'])).stderr).toContain('--history-window needs --history');
    expect((await cli(['validate', 'parcels.csv', ...BASE, '--history', h, '--history-window', '2'])).code).toBe(2);
    expect((await cli(['validate', 'parcels.csv', ...BASE, '--history', 'parcels.csv'])).stderr).toMatch(/is the input file/);
  });
});

describe('ddss history', () => {
  it('prints the trend per dataset as text, JSON and a self-contained HTML page', async () => {
    const h = tmp.path('h.ndjson');
    for (const day of ['2026-11-20', '2026-11-21', '2026-11-22']) {
      await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--now', day, '--history', h]);
    }
    const text = await cli(['history', h]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^parcels — 3 runs, 2026-11-20T00:00:00.000Z … 2026-11-22T00:00:00.000Z\n {2}Overall score {2}[▁-█]{3} {2}/);
    const json = JSON.parse((await cli(['history', h, '--format', 'json'])).stdout) as { kind: string; datasets: Array<{ runs: number; scores: { overall: unknown[] } }> };
    expect(json.kind).toBe('history');
    expect(json.datasets[0]?.runs).toBe(3);
    expect(json.datasets[0]?.scores.overall).toHaveLength(3);
    const html = (await cli(['history', h, '--format', 'html'])).stdout;
    expect(html).toContain('<svg class="spark"');
    expect(html).toContain('Content-Security-Policy');
    expect((await cli(['history', h, '--dataset', 'other'])).code).toBe(2);
    expect((await cli(['history', tmp.path('none.ndjson')])).code).toBe(2);
  });
});
