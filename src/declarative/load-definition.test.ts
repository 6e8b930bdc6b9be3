import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as ddss from '../index.js';
import { DefinitionError } from './definition-error.js';
import { loadDefinition, loadDefinitionReading, splitDefinitionSpec } from './load-definition.js';
import type { DefinitionRead } from './parse-definition.js';

const cwd = fileURLToPath(new URL('../../test/fixtures/cli/', import.meta.url));
const modules = { ddss };

describe('splitDefinitionSpec', () => {
  it.each([
    ['defs.ts#parcels', 'defs.ts', 'parcels'],
    ['dir/defs.mjs#a', 'dir/defs.mjs', 'a'],
    ['defs.ts', 'defs.ts', undefined],
    ['my#defs.yaml', 'my#defs.yaml', undefined],
    ['#x', '#x', undefined],
  ])('%s → %s %s', (spec, path, exportName) => {
    expect(splitDefinitionSpec(spec)).toEqual({ path, exportName });
  });
});

describe('loadDefinition', () => {
  it.each([['parcels.yaml'], ['parcels.json'], ['parcels.def.ts'], ['two.def.ts#first']])('loads %s', async (spec) => {
    const def = await loadDefinition(spec, { cwd, modules });
    expect(def.name).toMatch(/^(parcels|first)$/);
    expect(Object.keys(def.fields)).toContain('parcel_id');
  });

  it.each([
    ['parcels.csv', 'parcels.csv: unsupported definition file type ".csv" (use .ts, .js, .json, .yaml or .yml)'],
    ['missing.yaml', 'missing.yaml: file not found'],
    ['two.def.ts#third', 'two.def.ts: no export named "third"'],
    ['bad-min.yaml', 'bad-min.yaml: fields.area_m2.min: must be number'],
  ])('%s → %s', async (spec, message) => {
    const e = await loadDefinition(spec, { cwd, modules }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DefinitionError);
    expect((e as DefinitionError).message).toBe(message);
  });
});

describe('loadDefinitionReading', () => {
  it('lists every file the loading read: the file, its bases at any depth, their commune lists (the CLI spares them)', async () => {
    const { mkdtempSync, mkdirSync, copyFileSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = mkdtempSync(join(tmpdir(), 'ddss-read-'));
    try {
      copyFileSync(join(cwd, 'parcels.json'), join(dir, 'base.json'));
      copyFileSync(fileURLToPath(new URL('../../rules/vn/admin/fixtures/communes-2025.json', import.meta.url)), join(dir, 'c.json'));
      mkdirSync(join(dir, 'defs'));
      writeFileSync(join(dir, 'defs/mid.yaml'), 'extends: ../base.json\ncommunes: ../c.json\n');
      writeFileSync(join(dir, 'child.yaml'), 'extends: defs/mid.yaml\n');
      const read: DefinitionRead[] = [];
      await loadDefinitionReading('child.yaml', { cwd: dir }, read);
      expect(read).toEqual([
        { what: 'definition', path: join(dir, 'child.yaml') },
        { what: 'extends', path: join(dir, 'defs/mid.yaml') },
        { what: 'communes', path: join(dir, 'c.json') },
        { what: 'extends', path: join(dir, 'base.json') },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
