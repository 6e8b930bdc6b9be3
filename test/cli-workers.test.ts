import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cli, NOW } from './fixtures/cli/harness.js';
import { CLI_MIN_BYTES_PER_WORKER } from '../src/cli/_validate-args.js';
import { defaultWorkers } from '../src/validate.js';

const defaultWorkersAtLeast2 = () => defaultWorkers() >= 2;

// Definitions outside any project that installs ddss: `import 'ddss'` resolves only through the CLI's own copy.
const dir = mkdtempSync(join(tmpdir(), 'ddss-cli-workers-'));
const csv = join(dir, 'big.csv');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeAll(() => {
  // Over 8 MiB, so `--workers 2` uses two threads (4 MiB per worker at least); every 50th row fails.
  const rows: string[] = ['id,group,n'];
  for (let i = 0; rows.length < 420_000; i++) rows.push(`ID-${String(i).padStart(12, '0')},${i % 50 === 0 ? 'z' : 'a'},${i % 1000}`);
  writeFileSync(csv, `${rows.join('\n')}\n`);
  expect(statSync(csv).size).toBeGreaterThan(8 * 1024 * 1024);
});

const DEFINITION = `import { defineDataset, field } from 'ddss';
import { vn } from 'ddss/vn';
export default defineDataset({
  name: 'outside',
  fields: { id: field.text().required().unique(), group: field.text().oneOf(['a', 'b']), n: field.integer().min(0) },
});
void vn;
`;

describe('ddss validate --workers with a definition outside the project', () => {
  it.each(['def.ts', 'def.mjs'])('loads a definition (%s) that imports ddss in every worker, as in one thread', async (name) => {
    const def = join(dir, name);
    writeFileSync(def, DEFINITION);
    const one = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json', '--workers', '1']);
    const two = await cli(['validate', csv, '--dataset', def, ...NOW, '--format', 'json', '--workers', '2']);
    expect(two.stderr).toBe('');
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout)).toMatchObject({ rows: 419_999, partial: false });
  }, 180_000);

  it('without --workers, a file under 20 MiB per thread is read by one thread (measured: a second costs more there); --workers 2 uses two', async () => {
    const def = join(dir, 'def.mjs');
    writeFileSync(def, DEFINITION);
    expect(statSync(csv).size).toBeLessThan(2 * CLI_MIN_BYTES_PER_WORKER);
    const threads = async (...flags: string[]) => {
      const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--timings', ...flags]);
      expect(r.stderr).toBe('');
      return /^Timings: .* · (\d+) threads?$/m.exec(r.stdout)?.[1];
    };
    expect(await threads()).toBe('1');
    expect(await threads('--workers', '2')).toBe('2');
  }, 180_000);

  // At 33 MiB two threads took 1.03-1.11 x one thread's time (land-parcels, insurance-participants): they were the
  // default from 32 MiB, now from 40 MiB.
  it('without --workers, a 33 MiB file is read by one thread, a 41 MiB one by two (on two cores or more)', async () => {
    const def = join(dir, 'def.mjs');
    writeFileSync(def, DEFINITION);
    // Rows of 1,018 bytes each (fixed widths), enough of them for the file to be `mib` MiB and a little more.
    const sized = (name: string, mib: number): string => {
      const path = join(dir, name);
      const pad = 'x'.repeat(1000);
      const rows = Math.ceil((mib * 1024 * 1024) / 1018);
      writeFileSync(path, `id,group,n,note\n${Array.from({ length: rows },
        (_, i) => `ID-${String(i).padStart(7, '0')},a,${String(i % 1000).padStart(3, '0')},${pad}`).join('\n')}\n`);
      expect(Math.floor(statSync(path).size / (1024 * 1024))).toBe(mib);
      return path;
    };
    const threads = async (path: string) => {
      const r = await cli(['validate', path, '--dataset', def, ...NOW, '--timings']);
      return /^Timings: .* · (\d+) threads?$/m.exec(r.stdout)?.[1];
    };
    expect(await threads(sized('33.csv', 33))).toBe('1');
    expect(await threads(sized('41.csv', 41))).toBe(defaultWorkersAtLeast2() ? '2' : '1');
  }, 180_000);

  it('refuses, in one line with exit 2, a definition module that validates when it is imported', async () => {
    const def = join(dir, 'script.ts');
    writeFileSync(def, `${DEFINITION.replace("import { vn } from 'ddss/vn';", "import { vn } from 'ddss/vn';\nimport { validate } from 'ddss';")}
const report = await validate(outside, [{ id: 'x', group: 'a', n: 1 }]);
console.log(report.status);
`.replace('export default defineDataset', 'export const outside = defineDataset'));
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--workers', '2']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^ddss: dataset "outside" cannot be used: the definition module \S+script\.ts calls validate\(\) when it is imported, .*its own module.*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
  }, 180_000);

  it('a worker thread that dies mid-run (a timer in the definition module throws) is exit 3 in one line', async () => {
    const def = join(dir, 'dies.ts');
    // Only in worker threads: the main thread (this test's process) loads the module too.
    writeFileSync(def, `import { isMainThread } from 'node:worker_threads';
${DEFINITION}
if (!isMainThread) setTimeout(() => { throw new Error('refresh failed'); }, 0);
`);
    const r = await cli(['validate', csv, '--dataset', def, ...NOW, '--workers', '2']);
    expect(r.stderr).toBe('ddss: a worker thread failed: refresh failed\n');
    expect(r.code).toBe(3);
  }, 180_000);
});
