import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsv, toJson, validate } from '../src/index.js';
import { parallelParcels } from './fixtures/parallel/definition.js';
import { NOW } from './_run.js';

// Worker threads started from sources run the bundle test/setup/source-workers.ts builds for the run, or go through
// tsx's loader when there is none (a program run with tsx). Both must validate as one thread does.
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ddss-source-workers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const csv = join(dir, 'rows.csv');
writeFileSync(csv, `id,group,n,name,from\n${Array.from({ length: 4000 },
  (_, i) => `P${i % 3999},${'abcd'[i % 4]},${i % 101},"Lê ${i}",${1 + (i % 28)}/02/2024`).join('\n')}\n`);

describe('worker threads run from sources', () => {
  it('the test run built the bundle its workers load (otherwise each worker would take seconds to start)', () => {
    const bundle = process.env.DDSS_SOURCE_WORKERS ?? '';
    expect(bundle).not.toBe('');
    for (const entry of ['src/parallel/worker.js', 'src/profile/profile-worker.js', 'test/fixtures/parallel/definition.js',
      'rules/datasets/land-parcels.js']) expect(existsSync(join(bundle, entry)), entry).toBe(true);
  });

  it('without the bundle, a program run with tsx starts its workers through tsx and gets one thread\'s report', async () => {
    const one = toJson(await validate(parallelParcels, readCsv(csv), { now: NOW }));
    expect(JSON.parse(one)).toMatchObject({ status: 'failed', rows: 4000 });
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'test/fixtures/parallel/two-workers.ts', csv],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000, env: { ...process.env, DDSS_SOURCE_WORKERS: '' } });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(one);
  }, 90_000);
});
