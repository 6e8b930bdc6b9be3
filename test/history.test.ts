import { readFileSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
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
    expect(own.map((r) => r.id)).toEqual(['history.row_count_drop', 'history.values_drop', 'history.failure_rate_jump.correct',
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

  it('says in the text report that nothing was judged while the history is too short', async () => {
    const h = tmp.path('h.ndjson');
    const input = tmp.path('parcels.csv');
    const text = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
    writeFileSync(input, text);
    await runOnce(input, h);
    // One earlier run, then 1 row of 4: the drop is not judged (3 earlier runs are needed). Before, the text said
    // only "History (1 earlier run, …)" and, where every rule passed, "rules were skipped (nothing to check)".
    writeFileSync(input, `${text.split('\n').slice(0, 2).join('\n')}\n`);
    for (const [locale, said] of [['en', '  (no anomaly judged yet: too few earlier runs of this dataset to compare with, 3 by default)'],
      ['vi', '  (chưa đánh giá bất thường: chưa đủ số lần chạy trước của tập dữ liệu này để so sánh, mặc định 3)']] as const) {
      const r = await cli(['validate', input, ...BASE, '--history', h, '--locale', locale]);
      expect(r.stdout).toContain(`\n${said}\n`);
    }
    for (let i = 0; i < 2; i++) await runOnce(input, h);
    expect((await cli(['validate', input, ...BASE, '--history', h])).stdout).not.toContain('no anomaly judged');
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

describe('the order of runs is their date, not their line', () => {
  /** Runs of parcels-ok.csv on each date, in this order, then `last` on `backfill` (appended as the file's last line). */
  async function backfilled(h: string, dates: readonly string[], backfill: string): Promise<Report> {
    const input = tmp.path('parcels.csv');
    copyFileSync(new URL('./fixtures/cli/parcels-ok.csv', import.meta.url), input);
    for (const day of dates) await cli(['validate', input, '--dataset', 'parcels.yaml', '--now', day, '--history', h]);
    copyFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), input);
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', '--now', backfill, '--history', h, '--format', 'json']);
    return JSON.parse(r.stdout) as Report;
  }

  // Before: a run back-filled for an earlier --now was judged against the file's last lines, runs dated after it
  // (2026-11-01 … 2026-11-03 for October), and its trend drew them before it.
  it('judges a back-filled run against the runs dated before it only', async () => {
    const h = tmp.path('h.ndjson');
    const report = await backfilled(h, ['2026-09-01', '2026-11-01', '2026-11-02', '2026-11-03'], '2026-10-01');
    expect(report.history?.runs).toBe(1);
    expect(report.history?.trend.overall).toHaveLength(2);
    expect(report.rules.filter((r) => r.id.startsWith('history.') && r.status !== 'skipped').map((r) => r.id)).toEqual(['history.stale_input']);
    // Dated before every run: nothing to judge it against.
    const first = await backfilled(tmp.path('h2.ndjson'), ['2026-11-01', '2026-11-02', '2026-11-03'], '2026-10-01');
    expect(first.history?.runs).toBe(0);
    expect(first.rules.filter((r) => r.id.startsWith('history.')).every((r) => r.status === 'skipped')).toBe(true);
  });

  it('ddss history draws the runs in date order (text and JSON first/last)', async () => {
    const h = tmp.path('h.ndjson');
    await backfilled(h, ['2026-11-01', '2026-11-02', '2026-11-03'], '2026-10-01');
    const text = await cli(['history', h]);
    expect(text.stdout).toMatch(/^parcels — 4 runs, 2026-10-01T00:00:00.000Z … 2026-11-03T00:00:00.000Z\n/);
    const json = JSON.parse((await cli(['history', h, '--format', 'json'])).stdout) as { datasets: Array<{ first: string; last: string; rows: number[] }> };
    const rows = readFileSync(h, 'utf8').trim().split('\n').map((l) => (JSON.parse(l) as { rows: number }).rows);
    expect(json.datasets[0]).toMatchObject({ first: '2026-10-01T00:00:00.000Z', last: '2026-11-03T00:00:00.000Z',
      rows: [rows[3], rows[0], rows[1], rows[2]] });
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
    expect((await cli(['history', tmp.path('none.ndjson')])).code).toBe(3);
  });

  /** One run's history line, as ddss validate --history writes it (written once, then edited by each case). */
  let written: Promise<Record<string, unknown>> | undefined;
  function line(): Promise<Record<string, unknown>> {
    written ??= (async () => {
      const own = scratch();
      try {
        await cli(['validate', 'parcels.csv', ...BASE, '--history', own.path('h.ndjson')]);
        return JSON.parse(readFileSync(own.path('h.ndjson'), 'utf8')) as Record<string, unknown>;
      } finally {
        own.remove();
      }
    })();
    return written;
  }

  it.each([
    ['a now that is no date', { now: 'yesterday' }, /"now" is not a date-time/],
    ['a now on a day that does not exist', { now: '2026-02-30T00:00:00.000Z' }, /"now" is not a date-time/],
    ['a now of a day without a time', { now: '2026-11-22' }, /"now" is not a date-time/],
    ['more failed than checked', { rules: { rowCount: [10, 2000] } }, /the counts of rule "rowCount" are not \[checked, failed\]/],
    ['a count that is no whole number', { rules: { rowCount: [1.5, 0] } }, /the counts of rule "rowCount"/],
    ['a count too large to be exact', { rows: 2 ** 60 }, /"rows" is not a whole number/],
    ['a hash that is not SHA-256', { input: { name: 'parcels.csv', sha256: 'abc' } }, /"input\.sha256" is not 64 hexadecimal digits/],
    ['an empty dataset name', { dataset: '' }, /no dataset/],
    ['a history rule, which ddss never records', { rules: { 'history.stale_input': [1, 1] } }, /"history\.stale_input", which ddss never records/],
  ])('refuses a line with %s, saying what is wrong (it was read: "… yesterday", "1% → 20000%")', async (_what, edit, reason) => {
    const good = await line();
    const h = tmp.path('h.ndjson');
    writeFileSync(h, `${JSON.stringify(good)}\n${JSON.stringify({ ...good, ...edit })}\n`);
    const r = await cli(['history', h]);
    expect([r.code, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toMatch(/^ddss: history \S+ line 2 is not a ddss history entry: /);
    expect(r.stderr).toMatch(reason);
    // validate --history reads the same lines: the run is refused before it starts.
    expect((await cli(['validate', 'parcels.csv', ...BASE, '--history', h])).code).toBe(2);
  });

  it('still reads a history whose lines are as ddss writes them, and one that starts with a UTF-8 BOM', async () => {
    const good = await line();
    const h = tmp.path('h.ndjson');
    writeFileSync(h, `\ufeff${JSON.stringify(good)}\n${JSON.stringify({ ...good, now: '2026-11-23T08:30:00.250Z' })}\n`);
    const r = await cli(['history', h]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^parcels — 2 runs, 2026-11-22T00:00:00.000Z … 2026-11-23T08:30:00.250Z\n/);
    expect((await cli(['validate', 'parcels.csv', ...BASE, '--history', h, '--format', 'json'])).code).toBe(1);
    expect(readFileSync(h, 'utf8').trimEnd().split('\n')).toHaveLength(3);
  });

  it('says a history file is not found or is a directory as every command says an unreadable input (exit 3), and that it cannot be standard input', async () => {
    const none = await cli(['history', 'none.ndjson']);
    expect([none.code, none.stdout, none.stderr]).toEqual([3, '', 'ddss: cannot read "none.ndjson": file not found\n']);
    const dir = tmp.path('adir');
    mkdirSync(dir);
    const d = await cli(['history', dir]);
    expect([d.code, d.stdout, d.stderr]).toEqual([3, '', `ddss: cannot read "${dir}": it is a directory\n`]);
    // validate --history and merge --history read the same file: the same words and exit code. Before, validate said
    // `--history "…" is a directory`, a usage error (exit 2), where ddss history said exit 3.
    for (const args of [['validate', 'parcels.csv', ...BASE, '--history', dir], ['merge', 'nope-1.ddss-state', 'nope-2.ddss-state', '--history', dir]]) {
      const r = await cli(args);
      expect([args[0], r.code, r.stdout, r.stderr]).toEqual([args[0], 3, '', `ddss: cannot read "${dir}": it is a directory\n`]);
    }
    const stdin = await cli(['history', '-'], { stdin: '' });
    expect([stdin.code, stdin.stderr]).toEqual([2, 'ddss: history reads a history file (or a postgresql:// URL), not standard input ("-")\n']);
  });
});
