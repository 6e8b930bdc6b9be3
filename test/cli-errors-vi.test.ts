import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

// The errors a user of `--locale vi` meets most — a file name typed wrong, an output that already exists, a dataset
// not found, no input — were English under a command line that asked for Vietnamese. They follow `--locale vi` now;
// without it, the English lines are unchanged (other tests hold them word for word).
const run = (...args: string[]) => cli([...args, ...NOW]);

describe('CLI errors under --locale vi', () => {
  it('an input that cannot be read (exit 3): not found, a directory, in every command that reads one; an empty argument (exit 2)', async () => {
    expect(await run('validate', 'nope.csv', '--dataset', 'parcels.yaml', '--locale', 'vi'))
      .toMatchObject({ code: 3, stdout: '', stderr: 'ddss: không đọc được "nope.csv": không tìm thấy tệp\n' });
    expect((await run('validate', 'nope.csv', '--dataset', 'parcels.yaml')).stderr).toBe('ddss: cannot read "nope.csv": file not found\n');
    mkdirSync(tmp.path('dir'));
    expect((await run('validate', tmp.path('dir'), '--dataset', 'parcels.yaml', '--locale', 'vi')).stderr)
      .toBe(`ddss: không đọc được "${tmp.path('dir')}": đây là một thư mục\n`);
    expect((await cli(['profile', 'nope.csv', '--locale', 'vi'])).stderr).toBe('ddss: không đọc được "nope.csv": không tìm thấy tệp\n');
    expect((await cli(['compare', 'nope.csv', 'parcels.csv', '--key', 'parcel_id', '--locale', 'vi'])).stderr)
      .toBe('ddss: không đọc được "nope.csv": không tìm thấy tệp\n');
    expect((await run('validate', '', '--dataset', 'parcels.yaml', '--locale', 'vi')))
      .toMatchObject({ code: 2, stderr: 'ddss: đầu vào là một đối số rỗng (một biến shell chưa được đặt?): hãy nêu tên một tệp\n' });
  });

  it('an output that exists, in a directory that does not, or that is the input (exit 2)', async () => {
    const out = tmp.path('report.html');
    writeFileSync(out, 'old');
    expect(await run('validate', 'parcels.csv', '--dataset', 'parcels.yaml', '-o', out, '--locale', 'vi')).toMatchObject({ code: 2,
      stderr: `ddss: không ghi đè tệp đã có "${out}" (--out); dùng --force để thay thế tệp đó\n` });
    expect((await run('validate', 'parcels.csv', '--dataset', 'parcels.yaml', '-o', out)).stderr)
      .toBe(`ddss: refusing to overwrite existing "${out}" (--out); use --force to replace it\n`);
    expect((await run('validate', 'parcels.csv', '--dataset', 'parcels.yaml', '-o', tmp.path('no/r.html'), '--locale', 'vi')).stderr)
      .toBe(`ddss: --out: thư mục của "${tmp.path('no/r.html')}" không tồn tại\n`);
    const input = tmp.path('in.json');
    writeFileSync(input, '[{"parcel_id":"P1"}]');
    expect((await run('validate', input, '--dataset', 'parcels.yaml', '-o', input, '--force', '--locale', 'vi')).stderr)
      .toBe(`ddss: --out "${input}" là tệp đầu vào; không ghi đè lên tệp đầu vào\n`);
  });

  it('a dataset that is neither built in nor a file, a definition file not found, no input at all (exit 2)', async () => {
    expect(await run('validate', 'parcels.csv', '--dataset', 'land-parcel', '--locale', 'vi')).toMatchObject({ code: 2,
      stderr: 'ddss: không có tập dữ liệu "land-parcel": không phải tập dữ liệu có sẵn (enterprise-register, insurance-participants, ' +
        'land-parcels) cũng không phải tệp định nghĩa .ts, .js, .json hay .yaml\n' });
    expect((await run('validate', 'parcels.csv', '--dataset', 'nodef.yaml', '--locale', 'vi')).stderr)
      .toBe('ddss: không tìm thấy tệp định nghĩa tập dữ liệu: "nodef.yaml"\n');
    expect((await run('validate', '--locale', 'vi')).stderr)
      .toBe('ddss: validate cần một tệp <input> hoặc một URL postgresql:// (xem ddss validate --help)\n');
    expect((await cli(['profile', '--locale=vi'])).stderr).toBe('ddss: profile cần một tệp <input> (xem ddss profile --help)\n');
  });

  it('a flag value outside its list or range, a value read as an option, a flag that does not exist (exit 2)', async () => {
    const vi = async (...flags: string[]) => (await run('validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...flags, '--locale', 'vi'));
    expect(await vi('--format', 'xml')).toMatchObject({ code: 2,
      stderr: 'ddss: --format phải là một trong các giá trị text, json, html, junit, md, nhận được "xml"\n' });
    expect((await vi('--workers', '0')).stderr).toBe('ddss: --workers phải là một số nguyên từ 1 đến 256, nhận được "0"\n');
    expect((await vi('--max-samples', 'x')).stderr).toBe('ddss: --max-samples phải là một số nguyên ≥ 0, nhận được "x"\n');
    expect((await vi('--fail-under', '2')).stderr).toBe('ddss: --fail-under phải là một số từ 0 đến 1, nhận được "2"\n');
    expect((await vi('--max-samples', '-1')).stderr).toBe('ddss: sau --max-samples là "-1", được đọc như một tùy chọn: hãy viết ' +
      '--max-samples=-1 để đặt giá trị đó, hoặc đặt cho --max-samples một giá trị (xem --help)\n');
    expect((await run('validate', 'parcels.csv', '--dataset', 'parcels.yaml', '--format', 'xml')).stderr)
      .toBe('ddss: --format must be one of text, json, html, junit, md, got "xml"\n');
    // Node's words for a flag that does not exist, or has no value.
    expect((await vi('--workerz', '2')).stderr).toBe("ddss: không có tùy chọn '--workerz' (xem --help)\n");
    expect((await cli(['validate', 'parcels.csv', '--locale', 'vi', '--workers'])).stderr)
      .toBe("ddss: tùy chọn '--workers <value>' thiếu giá trị (xem --help)\n");
    expect((await run('validate', 'parcels.csv', '--workerz', '2')).stderr).toBe("ddss: Unknown option '--workerz' (see --help)\n");
  });

  it('what a command line of validate gets wrong: inputs, outputs, renames, formats (exit 2), English unchanged', async () => {
    const vi = async (...args: string[]) => (await run('validate', ...args, '--locale', 'vi')).stderr;
    const en = async (...args: string[]) => (await run('validate', ...args)).stderr;
    // Several inputs (a glob the shell expanded), an .xls workbook, a zip archive, a file of no known format.
    expect(await vi('parcels.csv', 'parcels-ok.csv', '--dataset', 'parcels.yaml'))
      .toBe('ddss: validate nhận một tệp <input>, nhận được 2: parcels.csv parcels-ok.csv\n');
    expect(await en('parcels.csv', 'parcels-ok.csv', '--dataset', 'parcels.yaml'))
      .toBe('ddss: validate takes one <input> file, got 2: parcels.csv parcels-ok.csv\n');
    expect(await vi('so-dia-chinh.xls', '--dataset', 'parcels.yaml'))
      .toBe('ddss: "so-dia-chinh.xls" là sổ tính Excel 97–2003 (.xls), mà ddss không đọc; hãy mở nó trong Excel và lưu thành .xlsx\n');
    expect(await vi('parcels.csv.gz', '--dataset', 'parcels.yaml'))
      .toBe('ddss: "parcels.csv.gz" là tệp nén gzip: hãy giải nén nó trước (gunzip -k "parcels.csv.gz" cho ra "parcels.csv")\n');
    expect(await vi('export.zip', '--dataset', 'parcels.yaml')).toBe('ddss: "export.zip" là một tệp lưu trữ zip: hãy giải nén nó trước (unzip "export.zip")\n');
    writeFileSync(tmp.path('export.dat'), 'parcel_id\nP-001\n');
    expect(await vi(tmp.path('export.dat'), '--dataset', 'parcels.yaml')).toBe(`ddss: không biết định dạng của "${tmp.path('export.dat')}" ` +
      'từ phần mở rộng của tên tệp; hãy thêm --input-format csv|tsv|json|ndjson|xlsx\n');
    // Outputs and flags.
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--violations', 'v.json'))
      .toBe('ddss: --violations phải có đuôi .csv hoặc .ndjson (hoặc .jsonl), nhận được "v.json"\n');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--encoding', 'latin9'))
      .toBe('ddss: --encoding "latin9" không được hỗ trợ; hãy dùng một trong utf8, utf16le, utf16be, windows-1258, tcvn3, vni\n');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--time-zone', 'Hanoi'))
      .toBe('ddss: --time-zone phải là một múi giờ IANA như Asia/Ho_Chi_Minh hoặc UTC, nhận được "Hanoi"\n');
    const same = tmp.path('same.csv');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--violations', same, '--grades', same))
      .toBe(`ddss: --grades và --violations nêu cùng một tệp "${same}"\n`);
    // Renames: the mistakes of a Vietnamese header read over a definition's names.
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--rename', 'Mã thửa'))
      .toBe('ddss: --rename nhận COLUMN=FIELD (tên trong dòng tiêu đề, rồi tên trường), nhận được "Mã thửa"\n');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--rename', 'Mã thửa=parcel_id'))
      .toBe('ddss: --rename nêu "Mã thửa", mà dòng tiêu đề không có (các cột của tệp: parcel_id, owner_id, owner_name, area_m2, issued_on)\n');
    expect(await en('parcels.csv', '--dataset', 'parcels.yaml', '--rename', 'Mã thửa=parcel_id'))
      .toBe('ddss: --rename names "Mã thửa", which the header does not have (its columns: parcel_id, owner_id, owner_name, area_m2, issued_on)\n');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--rename', 'parcel_id=parcel_idd'))
      .toBe('ddss: --rename "parcel_id=parcel_idd" đọc cột thành "parcel_idd", mà đó không phải là trường của tập dữ liệu "parcels" ' +
        '(có phải là "parcel_id"?)\n');
    expect(await vi('parcels.csv', '--dataset', 'parcels.yaml', '--rename', 'a=parcel_id', '--rename', 'b=parcel_id'))
      .toBe('ddss: --rename đọc hai cột thành cùng trường "parcel_id"\n');
    // Two flags of compare naming one column.
    expect((await cli(['compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id', '--rename', 'x=a', '--rename-source', 'x=b',
      '--locale', 'vi'])).stderr).toBe('ddss: --rename và --rename-source nêu cột "x" hai lần\n');
  });

  it("the flags every command shares, and validate's shard, database, reference and history flags", async () => {
    const vi = async (...args: string[]) => (await run('validate', ...args, '--locale', 'vi')).stderr;
    const csv = ['parcels.csv', '--dataset', 'parcels.yaml'];
    // (`run` gives --now last: these give theirs after it.)
    expect((await cli(['validate', ...csv, '--locale', 'vi', '--now', '22/11/2026'])).stderr).toBe('ddss: --now phải là một ngày hoặc ngày giờ ISO (2026-11-22 hoặc ' +
      '2026-11-22T08:00:00Z), nhận được "22/11/2026"\n');
    expect(await vi(...csv, '--delimiter', ';;')).toBe('ddss: --delimiter phải là một ký tự, không phải dấu ngoặc kép hay ngắt dòng ' +
      '(\\t cho tab), nhận được ";;"\n');
    expect(await vi(...csv, '--format', 'json', '--out', 'r.html')).toBe('ddss: --format json, nhưng --out "r.html" được đặt tên như tệp ' +
      'HTML: hãy dùng --format html, hoặc đặt tên tệp cho json\n');
    expect(await vi(...csv, '--out', 'r.sarif')).toBe('ddss: --out "r.sarif": lệnh này không ghi tệp .sarif; hãy đặt tên tệp .json, .html, ' +
      '.htm, .md, .markdown, .xml, .txt, .log hoặc .text\n');
    expect(await vi(...csv, '--sheet', 'Data')).toBe('ddss: --sheet dùng cho sổ tính .xlsx, không dùng cho csv\n');
    expect(await vi(...csv, '--shard', '1/2')).toBe('ddss: --shard cần --state-out TỆP: mỗi phần ghi trạng thái của nó, và ddss merge ' +
      'ghi báo cáo của mọi phần\n');
    expect(await vi(...csv, '--reference', 'population')).toBe('ddss: --reference cần TÊN=TỆP, nhận được "population"\n');
    expect(await vi(...csv, '--reference-encoding', 'latin9', '--reference', 'p=p.csv')).toBe('ddss: --reference-encoding "latin9" không ' +
      'được hỗ trợ; hãy dùng một trong utf8, utf16le, utf16be, windows-1258, tcvn3, vni\n');
    expect(await vi(...csv, '--history-window', '5')).toBe('ddss: --history-window cần --history <file.ndjson>\n');
    expect(await vi('postgresql://ana@db/land', '--dataset', 'parcels.yaml', '--query', 'SELECT 1'))
      .toBe('ddss: --query cần --order-by CÁC_CỘT (để số hàng giống nhau ở mọi lần chạy) hoặc --unordered\n');
    expect((await cli(['validate', ...csv, '--now', '22/11/2026'])).stderr)
      .toBe('ddss: --now must be an ISO date or date-time (2026-11-22 or 2026-11-22T08:00:00Z), got "22/11/2026"\n');
  });

  it('the usage errors of profile, fix and compare follow --locale vi too, English unchanged', async () => {
    const vi = async (...args: string[]) => (await cli([...args, '--locale', 'vi'])).stderr;
    expect(await vi('profile', 'parcels.csv', 'parcels-ok.csv')).toBe('ddss: profile nhận một tệp <input>, nhận được 2: parcels.csv parcels-ok.csv\n');
    expect(await vi('profile', 'parcels.csv', '--format', 'json')).toBe('ddss: --locale dùng cho định dạng text và html, không dùng cho json ' +
      '(các khóa và chú thích của nó là dữ liệu, bằng tiếng Anh)\n');
    expect(await vi('fix', 'parcels.csv', '--dataset', 'parcels.yaml')).toBe('ddss: fix cần --out <fixed.csv> (hoặc --dry-run để chỉ ghi nhật ký)\n');
    expect(await vi('fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--out', 'fixed.json'))
      .toBe('ddss: --out "fixed.json" được đặt tên như tệp JSON, nhưng fix ghi một bản sao CSV của đầu vào: hãy đặt đuôi .csv\n');
    expect(await vi('fix', 'parcels.csv', '--dataset', 'parcels.yaml', '--dry-run', '--only', 'nfc,spaces')).toBe('ddss: --only: không có loại sửa ' +
      '"spaces"; các loại: nfc, whitespace, legacy-encoding, phone-prefix, leading-zero, excel-date, date-format\n');
    expect(await vi('compare', 'parcels.csv', 'parcels-ok.csv')).toBe('ddss: compare cần --key COLS (cột, hoặc các cột cách nhau bằng dấu ' +
      'phẩy, xác định một bản ghi)\n');
    expect(await vi('compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id,parcel_id'))
      .toBe('ddss: --key nêu cột "parcel_id" hai lần\n');
    expect((await cli(['compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_id,parcel_id'])).stderr)
      .toBe('ddss: --key names column "parcel_id" twice\n');
  });

  // Regression: compare's missing key column, and profile's and compare's input with nothing in it, were English.
  it('a key column a header lacks, with its rename; an empty or gzip input of profile and compare', async () => {
    const vi = async (...args: string[]) => (await cli([...args, '--locale', 'vi'])).stderr;
    const renamed = tmp.path('renamed.csv');
    writeFileSync(renamed, 'Parcel ID,owner_id\nP-001,001099012345\n');
    expect(await vi('compare', 'parcels.csv', renamed, '--key', 'parcel_id')).toBe('ddss: cột khóa "parcel_id" không có trong bản sao ' +
      '(các cột của tệp: Parcel ID, owner_id); bản sao có "Parcel ID": hãy đọc nó thành "parcel_id" bằng --rename-copy "Parcel ID=parcel_id"\n');
    expect((await cli(['compare', 'parcels.csv', renamed, '--key', 'parcel_id'])).stderr).toBe('ddss: key column "parcel_id" is not in the copy ' +
      '(its columns: Parcel ID, owner_id); the copy has "Parcel ID": read it as "parcel_id" with --rename-copy "Parcel ID=parcel_id"\n');
    expect(await vi('compare', 'parcels.csv', 'parcels-ok.csv', '--key', 'parcel_idd')).toBe('ddss: cột khóa "parcel_idd" không có trong nguồn ' +
      '(các cột của tệp: parcel_id, owner_id, owner_name, area_m2, issued_on); cũng không có trong bản sao; cả hai tệp có "parcel_id": --key parcel_id\n');
    const empty = tmp.path('empty.csv');
    writeFileSync(empty, '');
    expect(await vi('profile', empty)).toBe(`ddss: không mô tả được "${empty}": không đọc được cột nào (lỗi nguồn: 1 empty): ` +
      'đầu vào không có dữ liệu (0 byte); không có gì để đánh giá\n');
    const gz = tmp.path('gz.csv');
    writeFileSync(gz, gzipSync('parcel_id\nP-001\n'));
    expect(await vi('compare', 'parcels.csv', gz, '--key', 'parcel_id')).toContain('ddss: không đọc được toàn bộ dữ liệu đầu vào: ' +
      'bản sao: đầu vào là dữ liệu gzip, không phải văn bản: hãy giải nén trước (gunzip, hoặc `zcat');
  });

  // Regression: refdata had no --locale: `--locale vi` was itself the error ("không có tùy chọn '--locale'").
  it('the usage errors of refdata and datasets follow --locale vi too, English unchanged', async () => {
    const vi = async (...args: string[]) => (await cli(['refdata', ...args, '--locale', 'vi'])).stderr;
    expect(await vi('import', 'communes.csv')).toBe('ddss: danh mục CSV cần --scheme, --valid-from và --source (bảng JSON có thể tự mang chúng)\n');
    expect(await vi('import', 'communes.csv', '--scheme', 'bogus')).toBe('ddss: --scheme phải là ngày hệ thống mã có hiệu lực, yyyy-MM-dd ' +
      '(2008-08-01, 2025-07-01), nhận được "bogus"\n');
    expect(await vi('export')).toBe('ddss: refdata không có lệnh con "export"; hãy dùng import\n');
    expect(await vi('import', 'nope.csv', '--scheme', '2025-07-01', '--valid-from', '2025-07-01', '--source', 'GSO'))
      .toBe('ddss: không nhập được "nope.csv": không tìm thấy tệp\n');
    expect((await cli(['refdata', 'import', 'communes.csv', '--locale', 'fr'])).stderr).toMatch(/^ddss: --locale must be one of en, vi, got "fr"/);
    expect((await cli(['refdata', 'import', 'communes.csv'])).stderr)
      .toBe('ddss: a CSV list needs --scheme, --valid-from and --source (a JSON table may carry them itself)\n');
    expect((await cli(['datasets', 'x', '--locale', 'vi'])).stderr).toBe('ddss: datasets không nhận đối số nào, nhận được "x"\n');
    expect((await cli(['datasets', '--rules', 'landparcels', '--locale', 'vi'])).stderr).toBe('ddss: không có tập dữ liệu có sẵn "landparcels"; các tập có sẵn: enterprise-register, insurance-participants, land-parcels\n');
  });

  it('the usage errors of worklist and history follow --locale vi too', async () => {
    const vi = async (...args: string[]) => (await cli([...args, '--locale', 'vi'])).stderr;
    expect(await vi('worklist', 'grades.txt')).toBe('ddss: worklist đọc một tệp chấm điểm NDJSON (.ndjson hoặc .jsonl), nhận được "grades.txt"\n');
    expect(await vi('worklist', 'nope.ndjson')).toBe('ddss: không đọc được tệp chấm điểm "nope.ndjson": không tìm thấy tệp\n');
    writeFileSync(tmp.path('g.ndjson'), '{"row":0}\n');
    expect(await vi('worklist', tmp.path('g.ndjson'))).toBe('ddss: dòng 1 của tệp chấm điểm không phải một bản ghi đã chấm điểm ' +
      '(do ddss validate --grades x.ndjson ghi)\n');
    expect(await vi('history', 'a.ndjson', 'b.ndjson')).toBe('ddss: history nhận một tệp lịch sử hoặc một URL postgresql:// ' +
      '(do ddss validate --history ghi)\n');
    expect((await cli(['worklist', 'grades.txt'])).stderr).toBe('ddss: worklist reads an NDJSON grades file (.ndjson or .jsonl), got "grades.txt"\n');
  });

  it('validate without --dataset says which definition it validates against, in Vietnamese', async () => {
    const vi = await run('validate', 'parcels.csv', '--locale', 'vi');
    expect(vi.stderr.split('\n')[0]).toBe('ddss: không có --dataset: kiểm tra theo định nghĩa mà ddss profile đề xuất cho tệp này ' +
      '(5 cột); lưu định nghĩa đó bằng ddss profile "parcels.csv" --format yaml --out TỆP');
    const en = await run('validate', 'parcels.csv');
    expect(en.stderr.split('\n')[0]).toBe('ddss: no --dataset: validating against the definition ddss profile suggests for this file ' +
      '(5 columns); save it with ddss profile "parcels.csv" --format yaml --out FILE');
    expect(vi.code).toBe(en.code);
  });
});
