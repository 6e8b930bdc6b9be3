/**
 * Generates the synthetic example registers: land parcels, insurance participants and enterprises as CSV, with
 * defects injected at known rates and a manifest (JSON) of exactly what was injected.
 *
 *   npx tsx examples/generate.ts --rows 2000 --seed 20261122 --out examples
 *   npx tsx examples/generate.ts --rows 1000000 --only land --out /tmp/bench --no-manifest
 *
 * Options: --rows N (default 2000), --seed S (default 20261122), --now ISO (default 2026-11-22),
 * --defects RATE (scale of the default defect rates; 0 = valid rows only), --only land|insurance|enterprise,
 * --no-manifest. Writes DIR/land/parcels.csv, DIR/insurance/participants.csv, DIR/enterprise/enterprises.csv and a
 * `.manifest.json` beside each, and (without
 * --only) the small broken files of DIR/broken/ and DIR/population/population.csv, a population-register extract of
 * the land owners and insurance participants with the verifyPerson findings it must give in its manifest.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLand } from './generator/land.js';
import { generateInsurance } from './generator/insurance.js';
import { generateEnterprises } from './generator/enterprise.js';
import { brokenFiles } from './generator/broken.js';
import { generatePopulation, populationManifestJson } from './generator/population.js';
import { DEFAULT_NOW, type GenerateOptions, type GeneratedTable } from './generator/table.js';
import type { Manifest } from './generator/manifest.js';

export { generateLand, LAND_COLUMNS } from './generator/land.js';
export { generateInsurance, INSURANCE_COLUMNS } from './generator/insurance.js';
export { generateEnterprises, ENTERPRISE_COLUMNS } from './generator/enterprise.js';
export { brokenFiles, type BrokenFile } from './generator/broken.js';
export {
  generatePopulation, populationManifestJson, POPULATION_COLUMNS, type PopulationManifest, type PopulationExpectation,
} from './generator/population.js';
export { DEFAULT_NOW, type GenerateOptions, type GeneratedTable } from './generator/table.js';
export type { Manifest, ManifestRow, ManifestTotals, Expectation } from './generator/manifest.js';

/** The seed of the committed samples. */
export const SAMPLE_SEED = 20261122;

/**
 * Writes a generated table to `file` (UTF-8, LF line endings), in chunks so a million rows stay fast, and its
 * manifest beside it unless `manifest` is false. Resolves to the number of data rows written.
 * @example await writeGenerated(generateLand({ rows: 100 }), 'out/land/parcels.csv')
 */
export async function writeGenerated(table: GeneratedTable, file: string, manifest = true): Promise<number> {
  await mkdir(dirname(file), { recursive: true });
  const out = createWriteStream(file, { encoding: 'utf8' });
  let chunk: string[] = [];
  let lines = 0;
  const flush = async (): Promise<void> => {
    if (chunk.length === 0) return;
    const text = `${chunk.join('\n')}\n`;
    chunk = [];
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  for (const line of table.lines) {
    chunk.push(line);
    lines++;
    if (chunk.length >= 10_000) await flush();
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  if (manifest) await writeFile(file.replace(/\.csv$/, '.manifest.json'), manifestJson(table.manifest()));
  return lines - 1;
}

/** The manifest as JSON that reads and diffs well: summary indented, one line per row. */
export function manifestJson(m: Manifest): string {
  const { rows, ...head } = m;
  const top = JSON.stringify(head, null, 2).replace(/\n}$/, '');
  return `${top},\n  "rows": [\n${rows.map((r) => `    ${JSON.stringify(r)}`).join(',\n')}\n  ]\n}\n`;
}

async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rows: { type: 'string', default: '2000' },
      seed: { type: 'string', default: String(SAMPLE_SEED) },
      now: { type: 'string', default: DEFAULT_NOW },
      defects: { type: 'string', default: '1' },
      out: { type: 'string', default: 'examples' },
      only: { type: 'string' },
      'no-manifest': { type: 'boolean', default: false },
    },
  });
  const options: GenerateOptions = {
    rows: Number(values.rows), seed: Number(values.seed), now: values.now, defects: Number(values.defects),
    manifest: !values['no-manifest'],
  };
  const started = performance.now();
  const jobs: Array<[string, () => GeneratedTable]> = [
    ['land', () => generateLand(options)],
    ['insurance', () => generateInsurance(options)],
    ['enterprise', () => generateEnterprises(options)],
  ];
  const files: Record<string, string> = {
    land: 'land/parcels.csv', insurance: 'insurance/participants.csv', enterprise: 'enterprise/enterprises.csv',
  };
  for (const [name, make] of jobs) {
    if (values.only !== undefined && values.only !== name) continue;
    const file = join(values.out, files[name] as string);
    const rows = await writeGenerated(make(), file, !values['no-manifest']);
    process.stderr.write(`${file}: ${rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  }
  if (values.only === undefined && !values['no-manifest']) {
    // The population register extract the land owners and insurance participants are verified against.
    const { lines, manifest } = generatePopulation({
      land: generateLand(options), insurance: generateInsurance(options), seed: options.seed ?? SAMPLE_SEED, now: values.now,
    });
    await mkdir(join(values.out, 'population'), { recursive: true });
    await writeFile(join(values.out, 'population', 'population.csv'), `${lines.join('\n')}\n`);
    await writeFile(join(values.out, 'population', 'population.manifest.json'), populationManifestJson(manifest));
  }
  if (values.only === undefined) {
    await mkdir(join(values.out, 'broken'), { recursive: true });
    for (const f of brokenFiles()) {
      await writeFile(join(values.out, 'broken', f.name), f.bytes);
      if (f.manifest === undefined) continue;
      await writeFile(join(values.out, 'broken', f.name.replace(/\.csv$/, '.manifest.json')), manifestJson(f.manifest));
    }
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 2;
  });
}
