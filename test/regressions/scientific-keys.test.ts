/**
 * A copy whose key column went through a spreadsheet has its identifiers in scientific notation (`1.08901E+11`): their
 * last digits are lost, so none pairs with a key of the source. `ddss compare` said only "missing 3, extra 3", the
 * keys masked, and nothing of why. It now says which side's keys are in that notation and what to do.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from '../fixtures/cli/harness.js';
import { scientificKeyLines } from '../../src/cli/_scientific-keys.js';
import type { ComparisonReport } from '../../src/compare/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const SOURCE = 'so_cccd,ho_ten\n108901234567,An\n108902345678,Binh\n079301123456,Chi\n';
const MANGLED = 'so_cccd,ho_ten\n1.08901E+11,An\n1.08902E+11,Binh\n79301123456,Chi\n';

describe('compare: keys a spreadsheet wrote in scientific notation', () => {
  it('says how many keys of the copy are in it, in English and in Vietnamese', async () => {
    writeFileSync(tmp.path('source.csv'), SOURCE);
    writeFileSync(tmp.path('copy.csv'), MANGLED);
    const r = await cli(['compare', tmp.path('source.csv'), tmp.path('copy.csv'), '--key', 'so_cccd']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('ddss: 2 keys of the copy are in scientific notation (1.08901E+11): a spreadsheet kept them as numbers and ' +
      'lost the last digits, so they match no key of the source; export the copy\'s key column as text\n');
    const vi = await cli(['compare', tmp.path('source.csv'), tmp.path('copy.csv'), '--key', 'so_cccd', '--locale', 'vi']);
    expect(vi.stderr).toBe('ddss: 2 khóa của bản sao ở dạng ký hiệu khoa học (1.08901E+11): bảng tính đã lưu chúng dưới dạng số và làm ' +
      'mất các chữ số cuối, nên chúng không khớp khóa nào của nguồn; hãy xuất cột khóa của bản sao dưới dạng văn bản\n');
  });

  it('finds them under a renamed key column and in a JSON copy; says nothing when every key pairs', async () => {
    writeFileSync(tmp.path('source.csv'), SOURCE);
    writeFileSync(tmp.path('renamed.csv'), MANGLED.replace('so_cccd', 'Số CCCD'));
    const renamed = await cli(['compare', tmp.path('source.csv'), tmp.path('renamed.csv'), '--key', 'so_cccd', '--rename-copy', 'Số CCCD=so_cccd']);
    expect(renamed.stderr).toMatch(/^ddss: 2 keys of the copy are in scientific notation/);
    writeFileSync(tmp.path('copy.json'), JSON.stringify([{ so_cccd: '1.08901E+11', ho_ten: 'An' }, { so_cccd: '108902345678', ho_ten: 'Binh' }]));
    const json = await cli(['compare', tmp.path('source.csv'), tmp.path('copy.json'), '--key', 'so_cccd']);
    expect(json.stderr).toMatch(/^ddss: 1 key of the copy is in scientific notation \(1\.08901E\+11\): a spreadsheet kept it as a number and lost the last digits, so it matches no key of the source/);
    const same = await cli(['compare', tmp.path('source.csv'), tmp.path('source.csv'), '--key', 'so_cccd']);
    expect(same.stderr).not.toMatch(/scientific/);
  });

  it('is said only when records were left unpaired', () => {
    const report = (missing: number, extra: number) => ({ counts: { matched: 1, changed: 0, missing, extra, duplicateKeys: 0 } }) as unknown as ComparisonReport;
    const seen = { source: { scientific: 0 }, copy: { scientific: 3 } };
    expect(scientificKeyLines(report(0, 0), seen)).toEqual([]);
    expect(scientificKeyLines(report(0, 1), seen)).toHaveLength(1);
    expect(scientificKeyLines(report(2, 0), { source: { scientific: 1 }, copy: { scientific: 0 } })[0]).toMatch(/^ddss: 1 key of the source is/);
  });
});
