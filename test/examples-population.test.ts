import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv, reference, toJson, validate, type DatasetDefinition, type Violation } from 'ddss';
import { insuranceParticipants, insuranceParticipantsWith, landParcels, landParcelsWith } from 'ddss/datasets';
import {
  generateInsurance, generateLand, generatePopulation, populationManifestJson, SAMPLE_SEED, type Manifest, type PopulationManifest,
} from '../examples/generate.js';
import { compareWithManifest } from '../examples/generator/verify.js';

// The population extract of the samples: its manifest says, row by row, which verifyPerson codes the land and
// insurance reports must carry when the extract is given as the `population` reference — and nothing else changes.
const file = (p: string): string => fileURLToPath(new URL(`../examples/${p}`, import.meta.url));
const text = (p: string): string => readFileSync(file(p), 'utf8');
const manifest = JSON.parse(text('population/population.manifest.json')) as PopulationManifest;
const population = () => reference('population', readCsv(file('population/population.csv')),
  { key: 'id', columns: ['full_name', 'birth_date', 'gender'], optionalColumns: ['death_date'] });

async function run(def: DatasetDefinition, csv: string, withReference: boolean) {
  const seen: Violation[] = [];
  const report = await validate(def, readCsv(file(csv)), {
    // showValues: the insurance key (bhxh_no) is personal, and the keys are compared with the manifest's.
    now: manifest.now, showValues: true, onViolation: (v) => seen.push(v), ...(withReference ? { references: { population: population() } } : {}),
  });
  return { report, seen };
}

/** verifyPerson's findings by row: the row's key and sorted codes, as the manifest lists them. */
function byRow(seen: readonly Violation[]) {
  const rows = new Map<number, { key: string; codes: string[] }>();
  for (const v of seen.filter((x) => x.rule.startsWith('verifyPerson'))) {
    const r = rows.get(v.row as number) ?? { key: '', codes: [] };
    r.codes.push(v.code);
    rows.set(v.row as number, r);
  }
  return [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, r]) => ({ row, line: row + 2, codes: r.codes.sort() }));
}

describe('the population extract of the samples', () => {
  it('is exactly what the generator produces for the sample seed', () => {
    const o = { rows: 2000, seed: SAMPLE_SEED };
    const { lines, manifest: m } = generatePopulation({ land: generateLand(o), insurance: generateInsurance(o), seed: SAMPLE_SEED, now: manifest.now });
    expect(`${lines.join('\n')}\n`).toBe(text('population/population.csv'));
    expect(populationManifestJson(m)).toBe(text('population/population.manifest.json'));
  });

  it('carries every outcome in both registers, and a row with two', () => {
    for (const d of Object.values(manifest.datasets)) {
      const codes = new Set(d.rows.flatMap((r) => r.codes));
      expect([...codes].filter((c) => !c.startsWith('birth_')).sort()).toEqual(['deceased_in_register', 'gender_mismatch',
        'name_diacritics_differ', 'name_form_differs', 'name_mismatch', 'not_in_register']);
      expect(d.rows.some((r) => r.codes.length === 2)).toBe(true);
    }
    expect(manifest.datasets['land-parcels']?.rows.some((r) => r.codes.includes('birth_year_mismatch'))).toBe(true);
    expect(manifest.datasets['insurance-participants']?.rows.some((r) => r.codes.includes('birth_date_mismatch'))).toBe(true);
  });

  it.each([
    ['land-parcels', landParcels, 'land/parcels'],
    ['insurance-participants', insuranceParticipants, 'insurance/participants'],
  ] as const)('gives %s exactly the verifyPerson findings of the manifest, row by row, and changes no other finding', async (name, def, sample) => {
    const expected = manifest.datasets[name]!;
    const { report, seen } = await run(def, `${sample}.csv`, true);
    expect(byRow(seen)).toEqual(expected.rows.map(({ row, line, codes }) => ({ row, line, codes })));
    const keys = new Map(seen.map((v) => [v.row, v.key]));
    expect(expected.rows.every((r) => keys.get(r.row) === r.key)).toBe(true);
    expect(report.rules.find((r) => r.id === 'verifyPerson')?.checked).toBe(expected.checked);
    for (const r of report.rules.filter((x) => x.id.startsWith('verifyPerson'))) expect(r.status).not.toBe('skipped');
    // Every other rule reports what the sample's own manifest says, as without the register.
    const own = JSON.parse(text(`${sample}.manifest.json`)) as Manifest;
    const others = seen.filter((v) => !v.rule.startsWith('verifyPerson'));
    const diff = compareWithManifest(own, { ...report, rules: report.rules.filter((r) => !r.id.startsWith('verifyPerson')) }, others);
    expect(diff.rows).toEqual([]);
  });

  it.each([
    ['land-parcels', landParcels, landParcelsWith, 'land/parcels'],
    ['insurance-participants', insuranceParticipants, insuranceParticipantsWith, 'insurance/participants'],
  ] as const)('%s: the register carried by the definition (…With({ population })) gives the report of the run\'s reference', async (_name, def, withPopulation, sample) => {
    const carried = withPopulation({ population: readCsv(file('population/population.csv')) });
    const a = await validate(carried, readCsv(file(`${sample}.csv`)), { now: manifest.now });
    const b = await validate(def, readCsv(file(`${sample}.csv`)), { now: manifest.now, references: { population: population() } });
    expect(toJson(a)).toBe(toJson(b));
  });

  it.each([
    [landParcels, 'land/parcels'],
    [insuranceParticipants, 'insurance/participants'],
  ] as const)('without the register, %# verifyPerson rules are skipped: no finding, nothing counted as passed', async (def, sample) => {
    const { report, seen } = await run(def, `${sample}.csv`, false);
    expect(seen.filter((v) => v.rule.startsWith('verifyPerson'))).toEqual([]);
    const rules = report.rules.filter((r) => r.id.startsWith('verifyPerson'));
    expect(rules.map((r) => r.id)).toEqual(['verifyPerson', 'verifyPerson.name', 'verifyPerson.nameForm', 'verifyPerson.birth', 'verifyPerson.gender', 'verifyPerson.deceased']);
    for (const r of rules) expect([r.status, r.checked, r.passRate]).toEqual(['skipped', 0, null]);
  });

  it('gives the same report with worker threads: each worker binds the register the main thread read', async () => {
    const csv = file('insurance/participants.csv');
    const one = await validate(insuranceParticipants, readCsv(csv), { now: manifest.now, references: { population: population() } });
    const two = await validate(insuranceParticipants, readCsv(csv),
      { now: manifest.now, references: { population: population() }, workers: 2, minBytesPerWorker: 1 });
    expect(toJson(two)).toBe(toJson(one));
    expect(one.rules.filter((r) => r.id.startsWith('verifyPerson') && r.failed > 0)).toHaveLength(6);
  });
});

// `npx tsx examples/generate.ts --rows 300 --defects 0` stopped with "population: no land-parcels row can carry
// name_form_differs": a small or defect-free run now gets the outcomes its rows can carry, and its manifest says which.
describe('the population extract of a small run without defects', () => {
  it('carries what its rows can, and the land report gives exactly the findings of its manifest', async () => {
    const o = { rows: 300, seed: SAMPLE_SEED, defects: 0 };
    const land = generateLand(o);
    const landCsv = new TextEncoder().encode(`${[...land.lines].join('\n')}\n`);
    const { lines, manifest: m } = generatePopulation({ land, insurance: generateInsurance(o), seed: SAMPLE_SEED, now: manifest.now });
    const expected = m.datasets['land-parcels']!;
    expect(expected.rows.length).toBeGreaterThan(0);
    const register = reference('population', readCsv(new TextEncoder().encode(`${lines.join('\n')}\n`)),
      { key: 'id', columns: ['full_name', 'birth_date', 'gender'], optionalColumns: ['death_date'] });
    const seen: Violation[] = [];
    await validate(landParcels, readCsv(landCsv), { now: manifest.now, showValues: true, onViolation: (v) => seen.push(v),
      references: { population: register } });
    expect(byRow(seen)).toEqual(expected.rows.map(({ row, line, codes }) => ({ row, line, codes })));
  });
});
