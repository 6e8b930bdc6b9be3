import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { validate } from '../core/validate.js';
import { toJson } from '../outputs/json.js';
import { readCsv } from '../sources/csv/read-csv.js';
import {
  builtinDatasets, enterpriseRegister, enterpriseRegisterWith, insuranceParticipants, insuranceParticipantsWith, landParcels, landParcelsWith,
} from '../../rules/datasets/index.js';
import * as datasets from '../../rules/datasets/index.js';
import { loadAdminUnits } from '../../rules/vn/admin/load-admin-units.js';
import { DefinitionError } from './definition-error.js';
import { loadDefinition } from './load-definition.js';

const NOW = new Date('2026-11-22T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'ddss-extends-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const COMMUNES = fileURLToPath(new URL('../../rules/vn/admin/fixtures/communes-2025.json', import.meta.url));
copyFileSync(COMMUNES, join(dir, 'communes-2025.json'));

function write(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return name;
}
const load = (name: string) => loadDefinition(name, { cwd: dir });
async function problem(name: string): Promise<DefinitionError> {
  const e = await load(name).catch((x: unknown) => x);
  if (!(e instanceof DefinitionError)) throw new Error(`expected a DefinitionError, got ${String(e)}`);
  return e;
}
const rule = (report: Awaited<ReturnType<typeof validate>>, id: string) => report.rules.find((r) => r.id === id);

describe('extends', () => {
  it('starts from a built-in: adds fields and rules, overrides and drops rules by id, keeps the rest', async () => {
    const def = await load(write('child.yaml', `
extends: land-parcels
override:
  owner_id.cccd: { severity: warning, threshold: 0.9 }
  owner_id.required: { severity: info }
  updated_at.freshness: { weight: 2 }
drop: [owner_name.vnName, vn2000]
fields:
  owner_gender: { type: text, label: Giới tính }
  tax_code: { type: text, vn: [{ mst: { acceptPersonalId: false } }] }
  province_2: { type: text, vn: [{ province: { dateField: registered_at } }] }
rules:
  - { type: vn.datesOrdered, fields: [registered_at, gcn_issue_date], ruleId: dates }
`));
    expect(def.name).toBe('land-parcels');
    expect(def.timeZone).toBe('Asia/Ho_Chi_Minh');
    expect(Object.keys(def.fields).slice(-2)).toEqual(['tax_code', 'province_2']);
    // A field of the same name replaces the base's, in the base's position.
    expect(Object.keys(def.fields).indexOf('owner_gender')).toBe(Object.keys(landParcels.fields).indexOf('owner_gender'));
    const report = await validate(def, [], { now: NOW });
    expect(rule(report, 'owner_id.cccd')).toMatchObject({ severity: 'warning', threshold: 0.9 });
    expect(rule(report, 'owner_id.required')?.severity).toBe('info');
    expect(rule(report, 'updated_at.freshness')?.weight).toBe(2);
    expect(rule(report, 'owner_name.vnName')).toBeUndefined();
    expect(rule(report, 'vn2000')).toBeUndefined();
    expect(rule(report, 'owner_name.whitespace')).toBeDefined();
    expect(rule(report, 'tax_code.mst')).toBeDefined();
    expect(rule(report, 'province_2.province')).toBeDefined();
    expect(rule(report, 'dates')).toBeDefined();
    expect(rule(report, 'owner_gender.oneOf')).toBeUndefined();
    // The built-in is untouched.
    const base = await validate(landParcels, [], { now: NOW });
    expect(rule(base, 'owner_id.cccd')?.severity).toBe('error');
    expect(rule(base, 'owner_name.vnName')).toBeDefined();
  });

  const example = (p: string) => fileURLToPath(new URL(`../../examples/${p}`, import.meta.url));
  // Every built-in that takes commune lists, its sample and its YAML twin.
  const withCommunes = [
    ['land-parcels', landParcels, landParcelsWith, 'land/parcels.csv', 'land/land-parcels.yaml'],
    ['insurance-participants', insuranceParticipants, insuranceParticipantsWith, 'insurance/participants.csv', 'insurance/insurance-participants.yaml'],
    ['enterprise-register', enterpriseRegister, enterpriseRegisterWith, 'enterprise/enterprises.csv', 'enterprise/enterprise-register.yaml'],
  ] as const;

  it.each(withCommunes)('gives the built-in %s the commune lists of `communes` (the same report as its …With)', async (name, builtin, withOptions, csv) => {
    const def = await load(write(`with-communes-${name}.yaml`, `extends: ${name}\ncommunes: communes-2025.json\n`));
    const twin = withOptions({ communes: loadAdminUnits(COMMUNES) });
    const rows = readCsv(example(csv));
    const a = toJson(await validate(def, rows, { now: NOW }));
    expect(a).toBe(toJson(await validate(twin, rows, { now: NOW })));
    // …and they matter: without them the report differs.
    expect(a).not.toBe(toJson(await validate(builtin, rows, { now: NOW })));
  });

  it('covers every built-in that has a …With factory', () => {
    const factories = Object.keys(datasets).filter((k) => k.endsWith('With'));
    expect(factories.length).toBeGreaterThan(0);
    const camel = (name: string) => name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
    expect(Object.keys(builtinDatasets).map((n) => `${camel(n)}With`).filter((f) => factories.includes(f)))
      .toEqual(withCommunes.map(([n]) => `${camel(n)}With`));
    expect(factories.length).toBe(withCommunes.length);
  });

  it.each(withCommunes)('gives the YAML twin of %s the same commune list as the TypeScript one', async (name, _builtin, withOptions, csv, yaml) => {
    copyFileSync(example(yaml), join(dir, `${name}.yaml`));
    const def = await load(write(`yaml-with-communes-${name}.yaml`, `extends: ${name}.yaml\ncommunes: communes-2025.json\n`));
    const twin = withOptions({ communes: loadAdminUnits(COMMUNES) });
    const rows = readCsv(example(csv));
    expect(toJson(await validate(def, rows, { now: NOW }))).toBe(toJson(await validate(twin, rows, { now: NOW })));
  });

  it('extends a file relative to the extending one, through several levels', async () => {
    write('base.yaml', 'name: base\nmissingValues: vn\nfields:\n  a: { type: text, required: true, vn: [cccd] }\n');
    write('mid.json', JSON.stringify({ extends: 'base.yaml', fields: { b: { type: 'integer', min: 1 } } }));
    const def = await load(write('top.yaml', 'extends: mid.json\nname: top\noverride:\n  a.cccd: { criterion: clean }\n'));
    expect(def.name).toBe('top');
    expect(Object.keys(def.fields)).toEqual(['a', 'b']);
    expect(def.missingValues).toContain('00/00/0000');
    const report = await validate(def, [{ a: 'x', b: '0' }], { now: NOW });
    expect(rule(report, 'a.cccd')).toMatchObject({ criterion: 'clean', failed: 1 });
    expect(rule(report, 'b.min')?.failed).toBe(1);
  });

  it('bounds a chain: at most 8 files deep, and 1000 fields with the base\'s', async () => {
    for (let i = 0; i < 10; i++) write(`deep-${i}.yaml`, i === 9 ? 'name: x\nfields:\n  a: { type: text }\n' : `extends: deep-${i + 1}.yaml\n`);
    expect((await problem('deep-0.yaml')).detail).toBe('extends goes deeper than 8 files');
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `  ${prefix}${i}: { type: text }`).join('\n');
    write('wide-base.yaml', `name: x\nfields:\n${many('a', 600)}\n`);
    const e = await problem(write('wide.yaml', `extends: wide-base.yaml\nfields:\n${many('b', 500)}\n`));
    expect(e.message).toBe('wide.yaml: fields: 1100 fields with the base\'s; a definition may have at most 1000');
  });

  it.each([
    ['cycle-a.yaml', 'extends: cycle-b.yaml\n', 'cycle-b.yaml', 'extends: cycle-a.yaml\n', 'cycle-b.yaml: extends: extends forms a cycle: cycle-a.yaml → cycle-b.yaml → cycle-a.yaml'],
    ['self.yaml', 'extends: self.yaml\n', undefined, '', 'self.yaml: extends: extends forms a cycle: self.yaml → self.yaml'],
    ['bad-base-child.yaml', 'extends: bad-base.yaml\n', 'bad-base.yaml', 'name: x\nfields:\n  a: { type: text, vn: [cccdd] }\n', 'bad-base.yaml: fields.a.vn[0]: must be one of'],
    ['no-base.yaml', 'extends: nowhere.yaml\n', undefined, '', 'no-base.yaml: extends: nowhere.yaml: file not found'],
    ['ts-base.yaml', 'extends: parcels.def.ts\n', undefined, '', 'ts-base.yaml: extends: no built-in dataset "parcels.def.ts"'],
    ['no-communes.yaml', 'extends: land-parcels\ncommunes: [missing.json]\n', undefined, '', 'no-communes.yaml: communes: missing.json: file not found'],
    ['bad-communes.yaml', 'extends: land-parcels\ncommunes: bad-base.yaml\n', undefined, '', 'bad-communes.yaml: communes: bad-base.yaml:'],
  ])('%s → an error naming the file and path', async (name, text, other, otherText, message) => {
    if (other !== undefined) write(other, otherText);
    write(name, text);
    expect((await problem(name)).message.startsWith(message)).toBe(true);
  });
});
