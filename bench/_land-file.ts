import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, rename } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_NOW, generateEnterprises, generateInsurance, generateLand, writeGenerated } from '../examples/generate.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');

/**
 * A short hash of the land generator's sources (examples/generate.ts and examples/generator/). Why: the seeded file
 * is generated once and reused, and a generator change alters a few rows of it, so a file made by an older
 * generator must not be reused as if it were this one's (nor its report hash compared with this one's).
 * @example generatorVersion() // 'a1b2c3d4'
 */
export function generatorVersion(): string {
  const dir = join(ROOT, 'examples', 'generator');
  const files = [join(ROOT, 'examples', 'generate.ts'), ...readdirSync(dir).filter((f) => f.endsWith('.ts')).sort().map((f) => join(dir, f))];
  const h = createHash('sha256');
  for (const f of files) h.update(relative(ROOT, f)).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex').slice(0, 8);
}

/**
 * The seeded land CSV of `rows` rows in bench/out/, generated once and reused while rows, seed and generator match
 * (its name says all three); written under a temporary name and renamed when whole, so an interrupted run is never
 * reused. `log` hears when it is generated.
 * @example const file = await landFile(1_000_000, 20261122, (s) => console.error(s));
 */
export function landFile(rows: number, seed: number, log: (line: string) => void): Promise<string> {
  return generatedFile('land', rows, seed, log);
}

const GENERATORS = { land: generateLand, insurance: generateInsurance, enterprise: generateEnterprises };

/**
 * A seeded CSV of one of the generator's registers (land parcels, insurance participants, enterprises), made and
 * reused as {@link landFile} makes the land file.
 * @example const file = await generatedFile('insurance', 200_000, 20261122, (s) => console.error(s));
 */
export async function generatedFile(kind: keyof typeof GENERATORS, rows: number, seed: number,
  log: (line: string) => void): Promise<string> {
  const file = join(OUT, `${kind}-${rows}-s${seed}-g${generatorVersion()}.csv`);
  if (existsSync(file)) return file;
  await mkdir(OUT, { recursive: true });
  const t = performance.now();
  log(`generating ${rows.toLocaleString('en-US')} ${kind} rows (seed ${seed}) → ${relative(ROOT, file)} …`);
  await writeGenerated(GENERATORS[kind]({ rows, seed, now: DEFAULT_NOW, manifest: false }), `${file}.partial`, false);
  await rename(`${file}.partial`, file);
  log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return file;
}
