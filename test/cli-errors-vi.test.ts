import { mkdirSync, writeFileSync } from 'node:fs';
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
      stderr: 'ddss: không có bộ dữ liệu "land-parcel": không phải bộ dữ liệu có sẵn (enterprise-register, insurance-participants, ' +
        'land-parcels) cũng không phải tệp định nghĩa .ts, .js, .json hay .yaml\n' });
    expect((await run('validate', 'parcels.csv', '--dataset', 'nodef.yaml', '--locale', 'vi')).stderr)
      .toBe('ddss: không tìm thấy tệp định nghĩa bộ dữ liệu: "nodef.yaml"\n');
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
