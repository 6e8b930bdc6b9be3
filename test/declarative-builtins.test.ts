import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadDefinition, readCsv, reference, toJson, validate, type DatasetDefinition } from 'ddss';
import { enterpriseRegister, insuranceParticipants, landParcels } from 'ddss/datasets';

// The proof that a steward can write every check of the built-ins without TypeScript: their YAML versions in
// examples/ give byte-identical JSON reports on the bundled samples (and on the broken example files).
const file = (p: string): string => fileURLToPath(new URL(`../examples/${p}`, import.meta.url));
const NOW = '2026-11-22T00:00:00.000Z';
const report = async (def: DatasetDefinition, csv: string) => toJson(await validate(def, readCsv(file(csv)), { now: NOW }));

describe.each([
  ['land/land-parcels.yaml', landParcels, ['land/parcels.csv', 'broken/parcels-excel.csv']],
  ['insurance/insurance-participants.yaml', insuranceParticipants, ['insurance/participants.csv', 'broken/participants-nfd.csv']],
  ['enterprise/enterprise-register.yaml', enterpriseRegister, ['enterprise/enterprises.csv']],
] as const)('%s', (yaml, builtin, samples) => {
  it.each(samples)('reports %s byte for byte as the TypeScript built-in', async (csv) => {
    const def = await loadDefinition(file(yaml));
    const fromYaml = await report(def, csv);
    expect(fromYaml).toBe(await report(builtin, csv));
    // Not vacuous: the sample has findings.
    const parsed = JSON.parse(fromYaml) as { rules: { failed: number }[] };
    expect(parsed.rules.filter((r) => r.failed > 0).length).toBeGreaterThan(0);
  });

  it('has every rule id of the built-in, in the same order', async () => {
    const def = await loadDefinition(file(yaml));
    const ids = async (d: DatasetDefinition) => (await validate(d, [], { now: NOW })).rules.map((r) => r.id);
    expect(await ids(def)).toEqual(await ids(builtin));
  });
});

describe.each([
  ['land/land-parcels.yaml', landParcels, 'land/parcels.csv'],
  ['insurance/insurance-participants.yaml', insuranceParticipants, 'insurance/participants.csv'],
] as const)('%s with the population register', (yaml, builtin, csv) => {
  it('reports the sample byte for byte as the TypeScript built-in, verifyPerson findings included', async () => {
    const population = () => reference('population', readCsv(file('population/population.csv')),
      { key: 'id', columns: ['full_name', 'birth_date', 'gender'], optionalColumns: ['death_date'] });
    const withRegister = async (def: DatasetDefinition) =>
      toJson(await validate(def, readCsv(file(csv)), { now: NOW, references: { population: population() } }));
    const fromYaml = await withRegister(await loadDefinition(file(yaml)));
    expect(fromYaml).toBe(await withRegister(builtin));
    const parsed = JSON.parse(fromYaml) as { rules: { id: string; failed: number }[] };
    expect(parsed.rules.filter((r) => r.id.startsWith('verifyPerson') && r.failed > 0).length).toBe(6);
  });
});
