import { describe, expect, it } from 'vitest';
import { historyRules, median } from './anomalies.js';
import type { HistoryEntry } from './history-entry.js';
import type { Report, RuleResult } from '../core/types.js';

const criteria = { correct: 0.9, sufficient: 1, clean: 1, live: 1 };

function entry(rows: number, failed: number, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    history: 1, dataset: 'd', now: '2026-11-01T00:00:00.000Z', input: { name: 'd.csv', bytes: 10, sha256: 'aa' },
    status: 'failed', rows, score: 0.9, criteria, rules: { 'code.pattern': [1000, failed] }, ...extra,
  };
}

function report(rows: number, failed: number): Report {
  const rule = { id: 'code.pattern', criterion: 'correct', severity: 'error', field: 'code', level: 'row', checked: 1000,
    failed, violations: failed, passRate: 1 - failed / 1000, threshold: 1, weight: 1, status: 'failed', score: null,
    error: null, truncated: false, samples: [] } as RuleResult;
  return { dataset: 'd', now: '2026-12-01T00:00:00.000Z', status: 'failed', rows, locale: 'en', rules: [rule] } as unknown as Report;
}

const byId = (rules: RuleResult[], id: string) => rules.find((r) => r.id === id) as RuleResult;

describe('median', () => {
  it.each([[[3, 1, 2], 2], [[4, 1, 3, 2], 2.5], [[7], 7]])('median(%j) = %d', (xs, m) => expect(median(xs)).toBe(m));
});

describe('historyRules', () => {
  // Rows 100, 110, 90: median 100; a drop of more than 20% is below 80.
  it.each([[79, 'failed'], [80, 'passed'], [120, 'passed']])('rows %d against a median of 100: %s', (rows, status) => {
    const earlier = [entry(100, 10), entry(110, 20), entry(90, 30)];
    expect(byId(historyRules(report(rows, 20), earlier, undefined), 'history.row_count_drop').status).toBe(status);
  });

  // Failure rates 1%, 2%, 3%: median 2%, MAD 1%, band max(3 × 1.4826 × 1%, 1%) = 4.4478%: a jump is above 6.4478%.
  it.each([[65, 'failed', 1], [64, 'passed', 0]])('%d failed of 1000 against 1%%, 2%%, 3%%: %s', (failed, status, samples) => {
    const earlier = [entry(100, 10), entry(100, 20), entry(100, 30)];
    const r = byId(historyRules(report(100, failed), earlier, undefined), 'history.failure_rate_jump.correct');
    expect([r.status, r.checked, r.samples.length]).toEqual([status, 1, samples]);
    if (samples > 0) expect(r.samples[0]?.message).toBe('rule code.pattern failed on 6.5% of rows; its median over the last 3 runs is 2%');
  });

  it('a stable history (MAD 0) still needs a jump of one percentage point', () => {
    const earlier = [entry(100, 20), entry(100, 20), entry(100, 20)];
    expect(byId(historyRules(report(100, 30), earlier, undefined), 'history.failure_rate_jump.correct').status).toBe('passed');
    expect(byId(historyRules(report(100, 31), earlier, undefined), 'history.failure_rate_jump.correct').status).toBe('failed');
  });

  it('skips (never passes) with fewer than minRuns comparable runs; runs that were not evaluated do not count', () => {
    const earlier = [entry(100, 10), entry(100, 10), entry(10, 900, { status: 'error' })];
    const rules = historyRules(report(10, 900), earlier, undefined);
    for (const id of ['history.row_count_drop', 'history.values_drop', 'history.failure_rate_jump.correct', 'history.stale_input']) {
      expect([id, byId(rules, id).status, byId(rules, id).checked]).toEqual([id, 'skipped', 0]);
    }
  });

  // Before: a column that had always been filled and came empty (an export that lost a join) left its rules nothing
  // to check; they were skipped, and with every other rule passing the run passed, the history notwithstanding.
  it.each([[0, 'failed', 1], [989, 'failed', 1], [990, 'passed', 0], [1000, 'passed', 0]])(
    'a rule that checked every row in every earlier run checks %d of 1000: %s', (checked, status, samples) => {
      const earlier = [entry(1000, 10, { rules: { 'code.pattern': [1000, 10] } }), entry(1000, 10, { rules: { 'code.pattern': [1000, 10] } }),
        entry(1000, 10, { rules: { 'code.pattern': [1000, 10] } })];
      const now = report(1000, 0);
      const rule = { ...(now.rules[0] as RuleResult), checked, passRate: checked === 0 ? null : 1, status: checked === 0 ? 'skipped' : 'passed' } as RuleResult;
      const r = byId(historyRules({ ...now, rules: [rule] }, earlier, undefined), 'history.values_drop');
      expect([r.criterion, r.status, r.checked, r.samples.length]).toEqual(['sufficient', status, 1, samples]);
      if (checked === 0) {
        expect(r.samples[0]).toMatchObject({ code: 'values_drop', field: 'code', value: '0%',
          message: 'rule code.pattern checked 0% of rows (the others had no value it could read); its median over the last 3 runs is 100%' });
      }
    });

  it('stale input: the same size and SHA-256 as the previous run of the dataset', () => {
    const earlier = [entry(100, 10, { input: { name: 'a', bytes: 10, sha256: 'bb' } }), entry(100, 10)];
    const same = historyRules(report(100, 10), earlier, { name: 'd.csv', bytes: 10, sha256: 'aa' });
    const changed = historyRules(report(100, 10), earlier, { name: 'd.csv', bytes: 10, sha256: 'bb' });
    expect(byId(same, 'history.stale_input').status).toBe('failed');
    expect(byId(changed, 'history.stale_input').status).toBe('passed');
    expect(byId(historyRules(report(100, 10), earlier, { name: 'stdin' }), 'history.stale_input').status).toBe('skipped');
  });

  // Before: the previous run was the file's last line, so a run re-done for an earlier date (--now going backwards,
  // a backfill) between two nightly runs hid tonight's unchanged export: it was compared with last month's.
  it('stale input: the previous run is the latest one not after this run, whatever the order of the lines', () => {
    const at = (now: string, sha256: string) => entry(100, 10, { now, input: { name: 'd.csv', bytes: 10, sha256 } });
    const earlier = [at('2026-11-21T00:00:00.000Z', 'aa'), at('2026-10-01T00:00:00.000Z', 'bb')];
    const tonight = { ...report(100, 10), now: '2026-11-22T00:00:00.000Z' } as Report;
    const stale = byId(historyRules(tonight, earlier, { name: 'd.csv', bytes: 10, sha256: 'aa' }), 'history.stale_input');
    expect([stale.status, stale.samples[0]?.message]).toEqual(['failed',
      'the input is byte-identical to the previous run\'s (2026-11-21T00:00:00.000Z): the register was not refreshed']);
    // The backfill itself, dated before every run, has no previous run: skipped (it was compared with the file's last line).
    const backfill = { ...report(100, 10), now: '2026-09-01T00:00:00.000Z' } as Report;
    expect(byId(historyRules(backfill, earlier, { name: 'd.csv', bytes: 10, sha256: 'bb' }), 'history.stale_input').status).toBe('skipped');
  });

  // Before: the last `window` entries in the order given (a file's lines) were compared with, so a run back-filled
  // for October was judged against November's runs, recorded before it.
  it('judges a run against the runs dated before it, the latest `window` of them by date, whatever the order of the lines', () => {
    const at = (now: string, rows: number) => entry(rows, 10, { now: `${now}T00:00:00.000Z` });
    const earlier = [at('2026-08-01', 1000), at('2026-09-01', 100), at('2026-11-01', 1000), at('2026-11-02', 1000),
      at('2026-11-03', 1000), at('2026-09-15', 100), at('2026-09-20', 100)];
    const october = { ...report(79, 10), now: '2026-10-01T00:00:00.000Z' } as Report;
    const drop = byId(historyRules(october, earlier, undefined, { window: 3 }), 'history.row_count_drop');
    expect([drop.status, drop.samples[0]?.message]).toEqual(['failed', '79 rows is more than 20% below the median 100 of the last 3 runs']);
    expect(byId(historyRules({ ...october, now: '2026-08-15T00:00:00.000Z' } as Report, earlier, undefined), 'history.row_count_drop').status)
      .toBe('skipped');
  });

  it('compares with the last `window` runs only, and takes thresholds', () => {
    const earlier = [entry(1000, 10), entry(1000, 10), entry(1000, 10), entry(100, 10), entry(100, 10), entry(100, 10)];
    expect(byId(historyRules(report(79, 10), earlier, undefined, { window: 3 }), 'history.row_count_drop').status).toBe('failed');
    expect(byId(historyRules(report(85, 10), earlier, undefined, { window: 3, rowDrop: 0.1 }), 'history.row_count_drop').status).toBe('failed');
    expect(byId(historyRules(report(85, 10), earlier, undefined, { window: 3, severity: 'error' }), 'history.row_count_drop').severity).toBe('error');
  });
});

describe('historyRules in Vietnamese', () => {
  // Their numbers were written as in English (76.48%, 2000) in a summary that writes 94,6% and 2.000.
  it('writes numbers as the rest of a Vietnamese summary does', () => {
    const vi = (r: Report): Report => ({ ...r, locale: 'vi' });
    const earlier = [entry(2000, 10), entry(2100, 20), entry(1900, 30)];
    const drop = byId(historyRules(vi(report(1500, 65)), earlier, undefined), 'history.row_count_drop');
    expect(drop.samples[0]?.message).toBe('Số hàng 1.500 thấp hơn trung vị 2.000 của 3 lần chạy trước quá 20%');
    const jump = byId(historyRules(vi(report(2000, 65)), earlier, undefined), 'history.failure_rate_jump.correct');
    expect(jump.samples[0]?.message).toBe('Quy tắc code.pattern không đạt ở 6,5% số hàng, trung vị các lần trước 2%');
    expect(jump.samples[0]?.value).toBe('6.5%');
  });
});

// The warning wrote "1001 rows … median 2000" where every other line of the output writes 1,001 and 2,000.
it('writes the counts of history.row_count_drop as the rest of the output does', () => {
  const drop = byId(historyRules(report(1001, 10), [entry(2000, 10), entry(2000, 10), entry(2001, 10), entry(2000, 10)], undefined),
    'history.row_count_drop');
  expect(drop.samples[0]?.message).toBe('1,001 rows is more than 20% below the median 2,000 of the last 4 runs');
  const half = byId(historyRules(report(10, 10), [entry(2000, 10), entry(2001, 10)], undefined, { minRuns: 2 }), 'history.row_count_drop');
  expect(half.samples[0]?.message).toBe('10 rows is more than 20% below the median 2,000.5 of the last 2 runs');
});
