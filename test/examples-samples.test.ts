import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv, validate, type DatasetDefinition, type Violation } from 'ddss';
import { enterpriseRegister, insuranceParticipants, landParcels } from 'ddss/datasets';
import {
  brokenFiles, generateEnterprises, generateInsurance, generateLand, manifestJson, SAMPLE_SEED, type GeneratedTable,
  type Manifest,
} from '../examples/generate.js';
import { compareWithManifest } from '../examples/generator/verify.js';

const file = (p: string): string => fileURLToPath(new URL(`../examples/${p}`, import.meta.url));
const manifestOf = (p: string): Manifest => JSON.parse(readFileSync(file(p), 'utf8')) as Manifest;

async function run(def: DatasetDefinition, csv: string, now: string, encoding?: string) {
  const seen: Violation[] = [];
  const report = await validate(def, readCsv(file(csv), encoding === undefined ? {} : { encoding }),
    { now, onViolation: (v) => seen.push(v) });
  return { report, seen };
}

const samples = [
  ['land/parcels', landParcels, generateLand],
  ['insurance/participants', insuranceParticipants, generateInsurance],
  ['enterprise/enterprises', enterpriseRegister, generateEnterprises],
] as const;

describe.each(samples)('the committed sample %s', (name, def, generate) => {
  const manifest = manifestOf(`${name}.manifest.json`);

  it('is exactly what the generator produces for the sample seed (it cannot go stale)', () => {
    const table: GeneratedTable = generate({ rows: manifest.generator.rows, seed: SAMPLE_SEED });
    expect(manifest.generator.seed).toBe(SAMPLE_SEED);
    expect(`${[...table.lines].join('\n')}\n`).toBe(readFileSync(file(`${name}.csv`), 'utf8'));
    expect(manifestJson(table.manifest())).toBe(readFileSync(file(`${name}.manifest.json`), 'utf8'));
  });

  it('gets exactly the findings its manifest lists: per row, per rule and per criterion', async () => {
    const { report, seen } = await run(def, `${name}.csv`, manifest.generator.now);
    expect(report.rows).toBe(manifest.totals.rows);
    expect(report.partial).toBe(false);
    expect(compareWithManifest(manifest, report, seen)).toEqual({ rows: [], rules: [], criteria: [], table: [], kinds: [] });
    // Line numbers point into the file as the manifest says (header on line 1, one record per line).
    const lines = new Map(manifest.rows.map((r) => [r.row, r.line]));
    expect(seen.filter((v) => v.line !== lines.get(v.row ?? -1))).toEqual([]);
    for (const c of ['correct', 'sufficient', 'clean', 'live'] as const) {
      expect(report.criteria[c].failedRows, c).toBe(manifest.totals.byCriterion[c]);
      expect(manifest.totals.byCriterion[c], `${c} has injected defects`).toBeGreaterThan(0);
    }
  });
});

describe('the broken example files', () => {
  it('are exactly what the generator produces', () => {
    for (const f of brokenFiles()) {
      expect(readFileSync(file(`broken/${f.name}`)).equals(f.bytes), f.name).toBe(true);
      if (f.manifest !== undefined) {
        expect(readFileSync(file(`broken/${f.name.replace(/\.csv$/, '.manifest.json')}`), 'utf8')).toBe(manifestJson(f.manifest));
      }
    }
  });

  it.each([
    ['parcels-excel', landParcels],
    ['participants-nfd', insuranceParticipants],
  ] as const)('%s gets exactly the findings of its manifest', async (name, def) => {
    const manifest = manifestOf(`broken/${name}.manifest.json`);
    const { report, seen } = await run(def, `broken/${name}.csv`, manifest.generator.now);
    expect(compareWithManifest(manifest, report, seen)).toEqual({ rows: [], rules: [], criteria: [], table: [], kinds: [] });
  });

  it('parcels-tcvn3 is clean once its encoding is declared, and unreadable as UTF-8', async () => {
    const now = '2026-11-22T00:00:00Z';
    const declared = await run(landParcels, 'broken/parcels-tcvn3.csv', now, 'tcvn3');
    expect(declared.seen).toEqual([]);
    expect(declared.report.rows).toBe(12);
    const misread = await run(landParcels, 'broken/parcels-tcvn3.csv', now);
    expect(misread.report.rules.find((r) => r.id === 'source.invalid_encoding')?.violations).toBeGreaterThan(0);
  });
});
