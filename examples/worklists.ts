/**
 * Part of `npm run examples` — the worklists of the land and insurance samples by commune, as a clerk would get them:
 * `ddss validate … --grades grades.ndjson --grades-columns commune_code`, then
 * `ddss worklist grades.ndjson --by commune_code --top 5` (insurance: `--groups 20`) as Markdown and as an HTML page (in Vietnamese). Written to
 * examples/worklists/ (land-by-commune.md/.html, insurance-by-commune.md/.html); a fixed `now` makes them the same on
 * every run, which test/examples-worklists.test.ts checks against the committed files.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { run } from '../src/cli/run.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** The samples describe 22 November 2026. */
const NOW = '2026-11-22T00:00:00Z';
const SAMPLES = [
  { name: 'land', dataset: 'land-parcels', input: 'examples/land/parcels.csv', groups: [] },
  // The insurance sample spreads 2,000 participants over more than a thousand communes: the 20 communes with the
  // most records to fix keep the example readable.
  { name: 'insurance', dataset: 'insurance-participants', input: 'examples/insurance/participants.csv', groups: ['--groups', '20'] },
] as const;

/** Runs one `ddss` command in-process; its output is returned, and a usage or read error throws. */
async function ddss(args: readonly string[], cwd: string): Promise<string> {
  let out = '';
  let err = '';
  const code = await run(args, { stdout: { write: (t) => { out += t; } }, stderr: { write: (t) => { err += t; } }, cwd, env: {} });
  if (code === 2 || code === 3) throw new Error(`ddss ${args.join(' ')} failed (${code}): ${err}`);
  return out;
}

/**
 * Writes the samples' worklists by commune into `outDir` (replacing them) and returns the files written.
 * @example await writeWorklists('examples/worklists') // ['…/land-by-commune.md', …]
 */
export async function writeWorklists(outDir: string): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'ddss-worklists-'));
  const written: string[] = [];
  try {
    for (const s of SAMPLES) {
      const grades = `${s.name}-grades.ndjson`;
      await ddss(['validate', resolve(root, s.input), '--dataset', s.dataset, '--now', NOW, '--workers', '1',
        '--grades', grades, '--grades-columns', 'commune_code'], dir);
      for (const [format, ext, locale] of [['md', 'md', 'en'], ['html', 'html', 'vi']] as const) {
        const out = resolve(outDir, `${s.name}-by-commune.${ext}`);
        // The grades file is named relative to `dir`, so the page shows its name, not a temporary path.
        await ddss(['worklist', grades, '--by', 'commune_code', '--top', '5', ...s.groups, '--format', format, '--locale', locale,
          '--out', out, '--force'], dir);
        written.push(out);
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return written;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const files = await writeWorklists(resolve(root, 'examples/worklists'));
  for (const f of files) process.stdout.write(`→ ${f}\n`);
}
