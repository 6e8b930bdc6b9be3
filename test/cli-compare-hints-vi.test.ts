import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';
import { encodeTcvn3 } from '../src/index.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const written = (name: string, data: string | Uint8Array): string => {
  const path = tmp.path(name);
  writeFileSync(path, data);
  return path;
};
const RECORDS = 'id,name\n1,Nguyễn Văn An\n2,Trần Thị Bé\n3,Lê Chí\n';
const tcvn3 = (text: string): Uint8Array => {
  const bytes = encodeTcvn3(text);
  if (bytes === undefined) throw new Error('a letter TCVN3 lacks');
  return bytes;
};

// `ddss compare --locale vi` printed its comparison in Vietnamese and every stderr line after it in English, as
// `ddss validate` did before (test/cli-hints-vi.test.ts). The English lines are unchanged (test/cli-compare*.ts).
describe('ddss compare: stderr lines under --locale vi', () => {
  it('says a side that could not be read whole, naming the side in Vietnamese, a gzip input\'s words too', async () => {
    const r = await cli(['compare', written('a.csv', gzipSync(RECORDS)), written('b.csv', RECORDS), '--key', 'id', '--locale', 'vi']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('ddss: không đọc được toàn bộ dữ liệu đầu vào: nguồn: đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước ' +
      `(gunzip, hoặc \`zcat ${JSON.stringify(tmp.path('a.csv'))} | ddss compare - ${JSON.stringify(tmp.path('b.csv'))} …\`)\n`);
  });

  it('says there was nothing to compare', async () => {
    const r = await cli(['compare', written('a.csv', 'id,name\n'), written('b.csv', 'id,name\n'), '--key', 'id', '--locale', 'vi']);
    expect([r.code, r.stderr]).toEqual([3, 'ddss: không có gì để đối chiếu: nguồn và bản sao không có bản ghi nào (0 dòng mỗi bên)\n']);
  });

  it('says one file given twice', async () => {
    const a = written('a.csv', RECORDS);
    const r = await cli(['compare', a, a, '--key', 'id', '--locale', 'vi']);
    expect([r.code, r.stderr]).toEqual([0, `ddss: nguồn và bản sao là một tệp (${JSON.stringify(a)}): tệp được đối chiếu với chính nó\n`]);
  });

  it('says which file holds bytes that are not UTF-8, and the flag of that file', async () => {
    const r = await cli(['compare', written('a.csv', tcvn3(RECORDS)), written('b.csv', RECORDS), '--key', 'id', '--locale', 'vi']);
    expect([r.code, r.stderr]).toEqual([1, 'ddss: 3 hàng của nguồn chứa byte không phải UTF-8, được đối chiếu như ký tự thay thế; ' +
      'nếu tệp đến từ một hệ thống cũ, hãy khai báo mã hóa của nó: --encoding-source tcvn3, vni hoặc windows-1258\n']);
  });

  it('says both files hold bytes that are not UTF-8, and the flag of both', async () => {
    const r = await cli(['compare', written('a.csv', tcvn3(RECORDS)), written('b.csv', tcvn3(RECORDS.replace('Bé', 'Bế'))), '--key', 'id',
      '--locale', 'vi']);
    expect(r.stderr).toBe('ddss: 3 hàng của nguồn và 3 hàng của bản sao chứa byte không phải UTF-8, được đối chiếu như ký tự thay thế; ' +
      'nếu chúng đến từ một hệ thống cũ, hãy khai báo mã hóa của chúng: --encoding tcvn3, vni hoặc windows-1258 ' +
      '(hoặc --encoding-source và --encoding-copy, nếu hai tệp khác nhau)\n');
  });

  it('says a UTF-8 copy read as TCVN3 looks like UTF-8, with the evidence and the flags, in Vietnamese', async () => {
    const r = await cli(['compare', written('a.csv', tcvn3(RECORDS)), written('b.csv', RECORDS), '--key', 'id', '--encoding', 'tcvn3',
      '--locale', 'vi']);
    expect([r.code, r.stderr]).toEqual([1, 'ddss: bản sao có vẻ ở mã hóa UTF-8, không phải tcvn3 như đã đọc: các byte là UTF-8 hợp lệ, ' +
      'có 7 chữ có dấu được mã hóa theo UTF-8; hãy khai báo --encoding-source tcvn3 --encoding-copy utf8 thay cho --encoding tcvn3\n']);
  });

  it('says a JSON file that is one object holding its records, and the flag that reads them', async () => {
    // A key at the top too, so that the comparison runs (a key no record has is a usage error, said in English).
    const records = JSON.stringify({ id: 'export', data: [{ id: 1, name: 'An' }, { id: 2, name: 'Bé' }] });
    const r = await cli(['compare', written('a.json', records), written('b.json', records), '--key', 'id', '--locale', 'vi']);
    expect(r.stderr).toContain('ddss: cả hai tệp là một đối tượng JSON: ');
    expect(r.stderr).toContain('--json-records data');
  });
});
