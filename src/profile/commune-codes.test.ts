import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../sources/csv/read-csv.js';
import { loadAdminUnits } from '../../rules/vn/admin/load-admin-units.js';
import { profile } from './profile.js';
import { profileText } from './profile-text.js';
import { suggestDefinition } from './suggest-definition.js';

// Five digits are also Excel serial dates (43900 is 11/03/2020), amounts and postal codes: a column of them was
// "100% commune codes ✓" and got `vn: [commune]`, a rule that without a list checks the form only and passed them all.
const NOW = new Date('2026-11-22T00:00:00Z');
const LIST = loadAdminUnits(fileURLToPath(new URL('../../rules/vn/admin/fixtures/communes-2025.json', import.meta.url)));
const SERIALS = Array.from({ length: 40 }, (_, i) => String(43900 + i * 52)); // 43900 – 45928
const CODES = ['00004', '09190', '26734', '26740']; // all in the list

const file = (values: readonly string[], header = 'ma') => readCsv(Buffer.from(`${header}\n${values.join('\n')}\n`), { name: 'x.csv' });

describe('profile: commune codes are the codes of a commune list, never five digits alone', () => {
  it.each([
    ['Excel serials, no list', SERIALS, undefined],
    ['Excel serials, a list that has none of them', SERIALS, LIST],
    ['codes of a list, no list given', CODES, undefined],
  ])('%s: not recognised as commune codes', async (_what, values, communes) => {
    const p = await profile(file(values), { now: NOW, ...(communes === undefined ? {} : { communes }) });
    expect(p.columns[0]?.recognised).toBeUndefined();
    expect(p.columns[0]?.recognisers.find((r) => r.name === 'commune')).toBeUndefined();
    expect(suggestDefinition(p)).not.toMatch(/^ {4}vn: .*commune/m);
  });

  it('says the form is unchecked without a list, and how many a list has, in the text and the suggestion', async () => {
    const bare = await profile(file(SERIALS), { now: NOW });
    expect(bare.communeLists).toBeUndefined();
    expect(profileText(bare)).toContain('100% have the form of commune codes (5 digits), unchecked: no commune list given (--communes FILE)');
    expect(profileText(bare)).not.toContain('✓');
    const listed = await profile(file([...SERIALS.slice(0, 36), ...CODES]), { now: NOW, communes: LIST });
    expect(listed.communeLists).toEqual(['2025-07-01']);
    expect(profileText(listed)).toContain('100% have the form of commune codes (5 digits), only 4 in the commune lists given (2025-07-01)');
    expect(suggestDefinition(listed)).toContain('# 100% have the form of commune codes (5 digits), only 4 in the commune lists given (2025-07-01): no commune rule suggested');
  });

  it('recognises the codes of the lists given, and suggests the rule with the lists, which then passes them', async () => {
    const p = await profile(file(CODES), { now: NOW, communes: [LIST] });
    expect(p.columns[0]?.recognised).toBe('commune');
    expect(profileText(p)).toContain('100% look like commune codes of the commune lists given ✓');
    // Without the files to name, no rule: it would check the form only.
    expect(suggestDefinition(p)).not.toMatch(/^ {4}vn: \[commune\]/m);
    const yaml = suggestDefinition(p, { communes: ['communes-2025.json'] });
    expect(yaml).toContain('communes: ["communes-2025.json"]  # the commune lists the codes were found in (2025-07-01)\n');
    expect(yaml).toContain('    vn: [commune]\n');
  });

  it('refuses a list with no commune before reading', async () => {
    await expect(profile(file(CODES), { communes: { ...LIST, entries: [] } })).rejects.toThrow(/no entries/);
  });
});
