import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { runEtl, THRESHOLDS } from '../examples/etl.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const sample = (p: string): string => join(root, 'examples', p);
const NOW = '2026-11-22T00:00:00Z';
const dirs: string[] = [];
/** A temporary directory, removed when the file's tests are done. */
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'ddss-etl-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => { for (const dir of dirs) rmSync(dir, { recursive: true, force: true }); });

describe('examples/etl.ts', () => {
  it('stops the pipeline when a criterion is below its threshold, after writing every violation', async () => {
    const dir = tempDir();
    const out: string[] = [];
    const result = await runEtl({
      input: sample('land/parcels.csv'), dataset: 'land-parcels', violations: join(dir, 'violations.csv'), now: NOW,
      log: (t) => out.push(t),
    });
    expect(result.exitCode).toBe(1);
    expect(result.below.map((b) => b.criterion)).toEqual(['correct']);
    expect(result.below[0]?.score).toBeLessThan(THRESHOLDS.correct);
    const lines = readFileSync(join(dir, 'violations.csv'), 'utf8').replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
    const total = result.report.rules.reduce((s, r) => s + r.violations, 0);
    expect(lines.length - 1).toBe(total);
    expect(out.join('\n')).toMatch(/The pipeline stops/);
  });

  it('loads data that meets every threshold', async () => {
    const dir = tempDir();
    const result = await runEtl({
      input: sample('insurance/participants.csv'), dataset: 'insurance-participants',
      violations: join(dir, 'violations.ndjson'), now: NOW, thresholds: { correct: 0.85 }, log: () => {},
    });
    expect(result.exitCode).toBe(0);
    expect(result.below).toEqual([]);
  });

  it('runs as a script: exit code 1 on the land sample, 0 on the TCVN3 file with its encoding declared', async () => {
    const dir = tempDir();
    const run = (args: string[]) => promisify(execFile)(process.execPath, ['--import', 'tsx', sample('etl.ts'), ...args],
      { cwd: root }).then(({ stdout }) => ({ code: 0, stdout }), (e: { code?: number; stdout?: string }) => ({ code: e.code ?? -1, stdout: e.stdout ?? '' }));
    const land = await run([sample('land/parcels.csv'), '--violations', join(dir, 'a.csv'), '--now', NOW]);
    expect(land).toMatchObject({ code: 1, stdout: expect.stringMatching(/✗ correct: 0\.8965 < 0\.9\nThe pipeline stops/) });
    const tcvn3 = await run([sample('broken/parcels-tcvn3.csv'), '--encoding', 'tcvn3', '--violations', join(dir, 'b.csv'), '--now', NOW]);
    expect(tcvn3).toMatchObject({ code: 0, stdout: expect.stringMatching(/✓ 12 records meet every threshold/) });
    expect(readFileSync(join(dir, 'b.csv'), 'utf8').replace(/^\uFEFF/, '').trim().split('\n')).toHaveLength(1);
  });
});
