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

  it('says an input with nothing in it, a quote left open, a header repeated and bytes that are not UTF-8 in Vietnamese', async () => {
    const empty = tmp.path('empty.csv');
    writeFileSync(empty, '');
    const none = await cli(['validate', empty, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(none.code).toBe(3);
    expect(none.stderr).toContain('ddss: không đọc được toàn bộ nguồn dữ liệu: đầu vào không có dữ liệu (0 byte); không có gì để đánh giá\n');
    const [header = '', first = '', ...rest] = parcels.trimEnd().split('\n');
    const open = tmp.path('open.csv');
    writeFileSync(open, [header, first, 'P-009,"001099012345', ...rest].join('\n'));
    const quote = await cli(['validate', open, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(quote.stderr).toContain('ddss: một giá trị trong dấu ngoặc kép mở ở dòng 3 không được đóng trước khi hết dữ liệu: các dòng ' +
      'từ đó trở đi đã bị đọc thành một giá trị, không phải các bản ghi, và không được đánh giá (source.unclosed_quote); hãy đóng ' +
      'dấu ngoặc kép trong tệp\n');
    const joined = tmp.path('joined.csv');
    writeFileSync(joined, `${parcels.trimEnd()}\n${parcels}`);
    const twice = await cli(['validate', joined, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(twice.stderr).toContain(`ddss: 1 bản ghi lặp lại dòng tiêu đề (bản ghi đầu ở dòng ${parcels.trimEnd().split('\n').length + 1}): ` +
      'các tệp được nối cùng dòng tiêu đề của chúng, không phải dữ liệu; chúng không được đánh giá (source.repeated_header)\n');
    const bytes = tmp.path('latin1.csv');
    writeFileSync(bytes, Buffer.concat([Buffer.from(`${header}\n${first}\n`), Buffer.from('P-010,001099012346,Nguy\xe1n,10,15/01/2020\n', 'latin1')]));
    const latin1 = await cli(['validate', bytes, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(latin1.stderr).toContain('ddss: 1 hàng chứa byte không phải UTF-8; nếu tệp đến từ một hệ thống cũ, hãy khai báo mã hóa của ' +
      'nó: --encoding tcvn3, vni hoặc windows-1258\n');
  });

  it('says a header cell read in another form, and a field the header names twice through --rename, in Vietnamese', async () => {
    const spaced = tmp.path('spaced.csv');
    writeFileSync(spaced, parcels.replace('owner_id', 'owner_id '));
    const form = await cli(['validate', spaced, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(form.stderr).toContain('ddss: 1 ô tiêu đề là tên đã khai báo nhưng viết ở dạng khác, được đọc là tên đó: owner_id ' +
      '(khoảng trắng) (source.header_form; NFD: dấu viết tách rời, NBSP: khoảng trắng không ngắt, BOM: dấu thứ tự byte)\n');
    // The export carries the key twice: once as "pid", read as parcel_id, and once under its own name.
    const [header = '', ...rows] = parcels.trimEnd().split('\n');
    const both = tmp.path('both.csv');
    writeFileSync(both, [`pid,${header}`, ...rows.map((r) => `${r.split(',')[0] ?? ''},${r}`)].join('\n'));
    const twice = await cli(['validate', both, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi', '--rename', 'pid=parcel_id']);
    expect(twice.stderr).toContain('ddss: dòng tiêu đề có parcel_id hai lần: một cột "pid", được đọc là parcel_id nhờ --rename ' +
      '"pid=parcel_id", và chính cột parcel_id; trường được đọc từ cột đứng trước (source.duplicate_header): hãy bỏ một cột ' +
      'khỏi tệp, hoặc đọc cột kia dưới một tên riêng bằng --rename\n');
  });

  it('says where the header is below a title, and a header line ending with a delimiter the rows lack, in Vietnamese', async () => {
    const titled = tmp.path('title.csv');
    writeFileSync(titled, `DANH SÁCH THỬA ĐẤT — XÃ A,,\n"Ngày lập: 01/12/2026",,\n${parcels}`);
    const title = await cli(['validate', titled, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(title.stderr).toContain('ddss: dòng tiêu đề có vẻ là dòng 3 (nó có 5 trong 5 cột đã khai báo); các dòng phía trên không ' +
      `phải dữ liệu: hãy xóa chúng, hoặc đọc từ đó: tail -n +3 ${JSON.stringify(titled)} | ddss validate - …\n`);
    const [header = '', ...rows] = parcels.trimEnd().split('\n');
    const trailing = tmp.path('trailing.csv');
    writeFileSync(trailing, [`${header},`, ...rows].join('\n'));
    const blank = await cli(['validate', trailing, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(blank.stderr).toContain(`ddss: mỗi hàng trong ${rows.length} hàng đều thiếu một ô dưới một tiêu đề trống (source.blank_header): ` +
      'dòng tiêu đề có vẻ kết thúc bằng một dấu phân cách mà các hàng không có, nên mọi hàng đều bị tính là thiếu một ô ' +
      '(source.missing_cell); hãy bỏ dấu phân cách đó khỏi dòng tiêu đề, hoặc thêm nó vào mọi hàng\n');
  });

  it('names the format the values of a column read in, and how to declare it over a built-in, in Vietnamese', async () => {
    const [header = '', ...rows] = parcels.trimEnd().split('\n');
    const at = header.split(',').indexOf('issued_on');
    const iso = (r: string) => r.split(',').map((c, i) => (i === at ? c.split('/').reverse().join('-') : c)).join(',');
    const dates = tmp.path('iso-dates.csv');
    writeFileSync(dates, [header, ...rows.map(iso)].join('\n'));
    const own = await cli(['validate', dates, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(own.stderr).toMatch(/^ddss: issued_on được khai báo là ngày \(dd\/MM\/yyyy\), nhưng (\d+) trong \1 giá trị đầu tiên của nó đọc được là yyyy-MM-dd: hãy khai báo format: yyyy-MM-dd \(\d+ hàng không đạt issued_on\.type\)$/m);
    // What most failing values are (here numbers followed by a unit), in Vietnamese too.
    const area = header.split(',').indexOf('area_m2');
    const units = tmp.path('units.csv');
    writeFileSync(units, [header, ...rows.map((r) => r.split(',').map((c, i) => (i === area ? `${c} m²` : c)).join(','))].join('\n'));
    const unit = await cli(['validate', units, '--dataset', 'parcels.yaml', ...NOW, '--locale', 'vi']);
    expect(unit.stderr).toMatch(/^ddss: area_m2 được khai báo là số, nhưng \d+ trong \d+ giá trị đầu tiên của nó là số kèm theo đơn vị \(m²\), mà ddss không tự bỏ: hãy chỉ xuất phần số \(nhãn của trường có thể ghi đơn vị\) \(\d+ hàng không đạt area_m2\.type\)$/m);
    // Over a built-in, which cannot be edited: the lines of a definition file that extends it.
    // gcn_issue_date is the date followed by registered_at's (cells split by a regex: addresses hold quoted commas).
    const land = readFileSync(new URL('../examples/land/parcels.csv', import.meta.url), 'utf8');
    const landDates = tmp.path('land-iso.csv');
    writeFileSync(landDates, land.replace(/,(\d\d)\/(\d\d)\/(\d{4})(,\d\d\/\d\d\/\d{4},)/g, ',$3-$2-$1$4'));
    const builtin = await cli(['validate', landDates, '--dataset', 'land-parcels', ...NOW, '--locale', 'vi']);
    expect(builtin.stderr).toContain('ddss: land-parcels là định nghĩa có sẵn: để khai báo điều đó, hãy lưu các dòng này thành một tệp ' +
      'định nghĩa (my-land-parcels.yaml) và chạy với --dataset my-land-parcels.yaml:\n    extends: land-parcels\n    fields:\n' +
      '      gcn_issue_date: { type: date, format: yyyy-MM-dd }\n');
  });
});
