/**
 * A copy whose key column went through a spreadsheet has its identifiers in scientific notation (`1.08901E+11`: their
 * last digits are lost) or without their leading zeros (`79301123456`), so none pairs with a key of the source.
 * `ddss compare` said only "missing 3, extra 3", the keys masked, and nothing of why. It now says which side's keys
 * look so and what to do.
 */
import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from '../fixtures/cli/harness.js';
import { keysSeen, spreadsheetKeyLines } from '../../src/cli/_spreadsheet-keys.js';
import type { ComparisonReport } from '../../src/compare/types.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const SOURCE = 'so_cccd,ho_ten\n108901234567,An\n108902345678,Binh\n079301123456,Chi\n';
const MANGLED = 'so_cccd,ho_ten\n1.08901E+11,An\n1.08902E+11,Binh\n079301123456,Chi\n';
const STRIPPED = 'so_cccd,ho_ten\n108901234567,An\n79301123456,Chi\n1089012345,Dung\n';

describe('compare: keys a spreadsheet changed', () => {
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

  it('says how many keys of the copy are shorter than the source\'s keys that start with 0, and none of its own does', async () => {
    writeFileSync(tmp.path('source.csv'), `${SOURCE}001089012345,Dung\n`);
    writeFileSync(tmp.path('copy.csv'), STRIPPED);
    const r = await cli(['compare', tmp.path('source.csv'), tmp.path('copy.csv'), '--key', 'so_cccd']);
    expect(r.stderr).toBe('ddss: 2 keys of the copy are one or two digits shorter than the 2 keys of the source that start with 0, ' +
      'and none of the copy\'s keys starts with 0: a spreadsheet may have dropped their leading zeros (079301123456 became ' +
      '79301123456); export the copy\'s key column as text\n');
    const vi = await cli(['compare', tmp.path('source.csv'), tmp.path('copy.csv'), '--key', 'so_cccd', '--locale', 'vi']);
    expect(vi.stderr).toMatch(/^ddss: 2 khóa của bản sao ngắn hơn một hoặc hai chữ số so với 2 khóa của nguồn bắt đầu bằng 0/);
    // A JSON copy whose keys are numbers lost them the same way.
    writeFileSync(tmp.path('copy.json'), JSON.stringify([{ so_cccd: 108901234567, ho_ten: 'An' }, { so_cccd: 79301123456, ho_ten: 'Chi' }]));
    expect((await cli(['compare', tmp.path('source.csv'), tmp.path('copy.json'), '--key', 'so_cccd'])).stderr)
      .toMatch(/^ddss: 1 key of the copy is one or two digits shorter than the 2 keys of the source that start with 0/);
    // A copy that keeps some zeros did not go through a numeric column whole: nothing said.
    writeFileSync(tmp.path('kept.csv'), `${STRIPPED}001089012399,Em\n`);
    expect((await cli(['compare', tmp.path('source.csv'), tmp.path('kept.csv'), '--key', 'so_cccd'])).stderr).toBe('');
  });

  it('is said only when records were left unpaired', () => {
    const report = (missing: number, extra: number) => ({ counts: { matched: 1, changed: 0, missing, extra, duplicateKeys: 0 } }) as unknown as ComparisonReport;
    const seen = { source: keysSeen(), copy: { ...keysSeen(), scientific: 3 } };
    expect(spreadsheetKeyLines(report(0, 0), seen)).toEqual([]);
    expect(spreadsheetKeyLines(report(0, 1), seen)).toHaveLength(1);
    expect(spreadsheetKeyLines(report(2, 0), { source: { ...keysSeen(), scientific: 1 }, copy: keysSeen() })[0]).toMatch(/^ddss: 1 key of the source is/);
  });
});
