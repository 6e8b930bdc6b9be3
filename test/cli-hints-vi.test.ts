import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// The two hints a Vietnamese register's export meets most — a header in other words than the definition's, and a
// semicolon file (what Excel writes where the decimal mark is a comma) — were English under --locale vi, below a
// Vietnamese summary. They follow the report's language; the English lines are unchanged (test/cli-rename.test.ts,
// test/cli-format-hints.test.ts and others hold them).
const parcels = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');

describe('stderr hints under --locale vi', () => {
  it('says the declared columns the header lacks, with the near name and the --rename to give, in Vietnamese', async () => {
    const path = tmp.path('renamed.csv');
    writeFileSync(path, parcels.replace('owner_id', 'owner_idx'));
    const vi = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(vi.stderr).toContain('ddss: 1 cột đã khai báo không có trong dòng tiêu đề: owner_id (dòng tiêu đề có "owner_idx") ' +
      '(source.missing_column); hãy đọc cột đó theo tên đã khai báo bằng --rename "owner_idx=owner_id"\n');
    const en = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(en.stderr).toContain('ddss: 1 declared column is not in the header: owner_id (the header has "owner_idx") ' +
      '(source.missing_column); read it as the declared name with --rename "owner_idx=owner_id"\n');
  });

  it('counts the columns past the first five as "N cột khác", and gives the general --rename when no name is near', async () => {
    // The land sample with its first seven header names in other words (as a Vietnamese export writes them).
    const land = readFileSync(new URL('../examples/land/parcels.csv', import.meta.url), 'utf8');
    const [header = '', ...rows] = land.split('\n');
    const path = tmp.path('cot.csv');
    writeFileSync(path, [header.split(',').map((c, i) => (i < 7 ? `Cột ${i + 1}` : c)).join(','), ...rows].join('\n'));
    const vi = await cli(['validate', path, '--dataset', 'land-parcels', ...NOW, '--locale', 'vi']);
    expect(vi.stderr).toContain('ddss: 7 cột đã khai báo không có trong dòng tiêu đề: parcel_id, province_code, commune_code, ' +
      'map_sheet_no, parcel_no, 2 cột khác (source.missing_column); hãy đọc một cột thành một trường bằng --rename "COLUMN=FIELD"\n');
  });

  it('says a semicolon file is read as one column, and the --delimiter that reads it, in Vietnamese', async () => {
    const path = tmp.path('semicolons.csv');
    writeFileSync(path, parcels.replaceAll(',', ';'));
    const vi = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(vi.code).toBe(3);
    expect(vi.stderr).toContain('ddss: dòng tiêu đề chỉ có một cột chứa ";": tệp có vẻ được phân cách bằng ký tự này; ' +
      "hãy khai báo --delimiter ';'\n");
  });
});
