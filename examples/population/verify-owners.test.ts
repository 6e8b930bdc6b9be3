import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { verifyOwners } from './verify-owners.js';
import { cli } from '../../test/fixtures/cli/harness.js';
import type { PopulationManifest } from '../generator/population.js';

const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const manifest = JSON.parse(readFileSync(here('./population.manifest.json'), 'utf8')) as PopulationManifest;
const land = manifest.datasets['land-parcels']!;

describe('worked example: land owners verified against the population register', () => {
  it('finds exactly the outcomes the extract was made with, row by row', async () => {
    const v = await verifyOwners();
    expect(v.checked).toBe(land.checked);
    expect(v.rows.map(({ row, codes }) => ({ row, codes: [...codes].sort() }))).toEqual(land.rows.map(({ row, codes }) => ({ row, codes })));
    expect(v.byCode).toEqual({
      birth_year_mismatch: 7, deceased_in_register: 4, gender_mismatch: 6, name_diacritics_differ: 5, name_form_differs: 4,
      name_mismatch: 5, not_in_register: 56,
    });
    // The register's values are suggestions, masked like the owner's own: a name keeps its initials only.
    const names = v.rows.filter((r) => r.codes.includes('name_mismatch')).flatMap((r) => r.suggestions);
    expect(names).toHaveLength(5);
    for (const n of names) expect(n).toMatch(/^(\S\**)( \S\**)+$/u);
  });

  it('is the documented command line: the verifyPerson rules fail with the same counts', async () => {
    const r = await cli(['validate', here('../land/parcels.csv'), '--dataset', 'land-parcels', '--now', '2026-11-22',
      '--reference', `population=${here('./population.csv')}`, '--format', 'json']);
    expect(r.code).toBe(1);
    const rules = (JSON.parse(r.stdout) as { rules: { id: string; checked: number; failed: number }[] }).rules
      .filter((x) => x.id.startsWith('verifyPerson')).map(({ id, checked, failed }) => [id, checked, failed]);
    const rowsWith = (...codes: string[]) => land.rows.filter((x) => x.codes.some((c) => codes.includes(c))).length;
    expect(rules).toEqual([
      ['verifyPerson', land.checked, rowsWith('not_in_register')],
      ['verifyPerson.name', expect.any(Number), rowsWith('name_mismatch')],
      ['verifyPerson.nameForm', expect.any(Number), rowsWith('name_diacritics_differ', 'name_form_differs')],
      ['verifyPerson.birth', expect.any(Number), rowsWith('birth_year_mismatch')],
      ['verifyPerson.gender', expect.any(Number), rowsWith('gender_mismatch')],
      ['verifyPerson.deceased', expect.any(Number), rowsWith('deceased_in_register')],
    ]);
  });
});
