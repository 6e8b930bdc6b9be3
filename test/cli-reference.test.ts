import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  writeFileSync(tmp.path('parcels.yaml'), `name: parcels
fields:
  commune: { type: text }
  sheet: { type: integer }
  parcel: { type: text }
rules:
  - { type: foreignKey, columns: [commune], reference: communes, referenceColumns: [code] }
  - { type: foreignKey, columns: [commune, sheet, parcel], reference: register, missing: fail }
`);
  writeFileSync(tmp.path('parcels.csv'), 'commune,sheet,parcel\n00004,1,10\n99999,1,10\n00008,01,7\n,2,10\n');
  writeFileSync(tmp.path('communes.csv'), 'code;name\n00004;Ba Đình\n00008;Hoàn Kiếm\n');
  writeFileSync(tmp.path('register.ndjson'), '{"commune":"00004","sheet":1,"parcel":"10"}\n{"commune":"99999","sheet":1,"parcel":"10"}\n');
});
afterEach(() => tmp.remove());

interface RuleJson { id: string; status: string; checked: number; failed: number; error?: string; samples: { row: number; code: string }[] }

async function validate(...extra: string[]) {
  const r = await cli(['validate', tmp.path('parcels.csv'), '--dataset', tmp.path('parcels.yaml'), ...NOW, '--format', 'json', ...extra]);
  const rules = r.stdout === '' ? [] : (JSON.parse(r.stdout) as { rules: RuleJson[] }).rules
    .filter((x) => x.id.endsWith('.reference'))
    .map(({ id, status, checked, failed, samples }) => ({ id, status, checked, failed, rows: samples.map((s) => s.row) }));
  return { code: r.code, rules, stderr: r.stderr };
}

describe('ddss validate --reference NAME=FILE', () => {
  it('checks keys against each reference file', async () => {
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference-delimiter', ';',
      '--reference', `register=${tmp.path('register.ndjson')}`);
    expect(r.rules).toEqual([
      { id: 'commune.reference', status: 'failed', checked: 3, failed: 1, rows: [1] },
      { id: 'commune+sheet+parcel.reference', status: 'failed', checked: 4, failed: 2, rows: [2, 3] },
    ]);
    expect(r.code).toBe(1);
  });

  it('the same definition with another reference file gives another verdict', async () => {
    writeFileSync(tmp.path('all.csv'), 'code\n00004\n99999\n00008\n');
    writeFileSync(tmp.path('register.csv'), 'commune,sheet,parcel\n00004,1,10\n99999,1,10\n00008,1,7\n');
    const r = await validate('--reference', `communes=${tmp.path('all.csv')}`, '--reference', `register=${tmp.path('register.csv')}`);
    expect(r.rules.map((x) => [x.status, x.failed, x.rows])).toEqual([['passed', 0, []], ['failed', 1, [3]]]);
  });

  it('a reference not given makes its rule error (exit 3), never pass', async () => {
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference-delimiter', ';');
    expect(r.code).toBe(3);
    expect(r.rules[1]).toMatchObject({ status: 'error' });
    expect(r.stderr).toContain("rule \"commune+sheet+parcel.reference\" could not run: reference 'register' was not given");
    expect(r.stderr).toContain('--reference register=FILE');
  });

  it('an unreadable reference file makes its rule error (exit 3)', async () => {
    const r = await validate('--reference', `communes=${tmp.path('nope.csv')}`, '--reference', `register=${tmp.path('register.ndjson')}`);
    expect(r.code).toBe(3);
    expect(r.rules[0]).toMatchObject({ status: 'error' });
    expect(r.stderr).toContain("reference 'communes' could not be read");
  });

  it('a reference record naming its key column twice makes the rule error (exit 3): which one is meant is not known', async () => {
    writeFileSync(tmp.path('register.ndjson'), '{"commune":"00004","sheet":1,"parcel":"10"}\n{"commune":"00004","commune":"00008","sheet":1,"parcel":"7"}\n');
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference-delimiter', ';',
      '--reference', `register=${tmp.path('register.ndjson')}`);
    expect([r.code, r.rules[0]?.status, r.rules[1]?.status]).toEqual([3, 'failed', 'error']);
    expect(r.stderr).toContain("reference 'register' is ambiguous: 1 record(s) hold a property it reads more than once (the first at line 2: " +
      'duplicate_key, commune: key "commune" appears more than once in the record; the last value is kept)');
  });

  it('a reference whose header is one column holding another delimiter says which --reference-delimiter to declare', async () => {
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference', `register=${tmp.path('register.ndjson')}`);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain("reference 'communes' has no column 'code' (its columns: code;name); its header is one column holding \";\": declare --reference-delimiter ';'");
  });

  it.each([
    ['holds no record', 'code,name\n', 'P', 'the reference holds no key (a header and no records)'],
    ['lost its leading zeros', 'code,name\n4,Ba Đình\n8,Hoàn Kiếm\n', 'P', '2 of the first 2 keys of commune are in it once written without leading zeros'],
    ['writes letters in another case', 'code,name\nx4,A\nx8,B\n', 'commune,sheet,parcel\nX4,1,10\nX8,1,7\n', '2 of the first 2 keys of commune are in it once written in lower case'],
    ['is keyed on another column', 'code,name\nBa Đình,00004\nHoàn Kiếm,00008\n', 'P', "its key column 'code' may not hold what commune holds"],
  ])('every row not in a reference that %s says the likely cause on stderr, not only "failed"', async (_what, communes, parcels, said) => {
    writeFileSync(tmp.path('parcels.csv'), parcels === 'P' ? 'commune,sheet,parcel\n00004,1,10\n00008,1,7\n' : parcels);
    writeFileSync(tmp.path('communes.csv'), communes);
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference', `register=${tmp.path('register.ndjson')}`);
    expect(r.rules[0]).toMatchObject({ status: 'failed', failed: 2, checked: 2 });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ddss: every one of the 2 rows commune.reference checked is not in reference 'communes'");
    expect(r.stderr).toContain(said);
    expect(r.stderr).not.toMatch(/00004|X4/); // keys are never quoted: they may be personal
  });

  it('says the likely cause in Vietnamese under --locale vi', async () => {
    writeFileSync(tmp.path('parcels.csv'), 'commune,sheet,parcel\n00004,1,10\n00008,1,7\n');
    writeFileSync(tmp.path('communes.csv'), 'code,name\n4,Ba Đình\n8,Hoàn Kiếm\n');
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference', `register=${tmp.path('register.ndjson')}`,
      '--locale', 'vi');
    expect(r.stderr).toContain("ddss: không hàng nào trong 2 hàng commune.reference đã kiểm tra có trong tham chiếu 'communes' (2 khóa): " +
      '2 trong 2 khóa đầu tiên của commune có trong đó khi được viết không có các chữ số 0 ở đầu: dữ liệu đầu vào và tham chiếu viết ' +
      'khóa theo cách khác nhau, chứ không phải mọi hàng đều sai\n');
    writeFileSync(tmp.path('communes.csv'), 'code,name\n');
    const none = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference', `register=${tmp.path('register.ndjson')}`,
      '--locale', 'vi');
    expect(none.stderr).toContain("ddss: không hàng nào trong 2 hàng commune.reference đã kiểm tra có trong tham chiếu 'communes': tham " +
      'chiếu không có khóa nào (một dòng tiêu đề và không có bản ghi); hãy kiểm tra tệp được cung cấp cho tham chiếu này\n');
  });

  it('says nothing more when only some rows are not in the reference', async () => {
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`, '--reference-delimiter', ';',
      '--reference', `register=${tmp.path('register.ndjson')}`);
    expect(r.stderr).not.toContain('is not in reference');
  });

  it('two rules keying one reference differently is a usage error', async () => {
    writeFileSync(tmp.path('parcels.yaml'), `name: parcels
fields: { commune: { type: text }, sheet: { type: integer } }
rules:
  - { type: foreignKey, columns: [commune], reference: communes, referenceColumns: [code] }
  - { type: foreignKey, columns: [sheet], reference: communes, referenceColumns: [sheet] }
`);
    const r = await validate('--reference', `communes=${tmp.path('communes.csv')}`);
    expect([r.code, r.stderr.trim()]).toEqual([2, "ddss: dataset \"parcels\": reference 'communes' is keyed on code by one rule and on sheet by another"]);
  });

  it.each([
    [['--reference', 'communes'], '--reference needs NAME=FILE, got "communes"'],
    [['--reference', 'communes=a.csv', '--reference', 'communes=b.csv'], '--reference communes is given twice'],
    [['--reference', 'communes=a.xlsx'], '--reference communes: cannot tell the format of "a.xlsx"'],
    [['--reference', 'towns=a.csv'], '--reference towns: dataset "parcels" uses the references communes, register'],
    [['--reference-encoding', 'klingon'], '--reference-encoding "klingon" is not supported'],
    [['--reference', 'communes=a.csv', '--dataset', 'land-parcels'], '--reference communes: dataset "land-parcels" uses the reference population'],
    [['--reference', 'communes=a.csv', '--dataset', 'enterprise-register'], '--reference communes: dataset "enterprise-register" uses no reference'],
  ])('usage errors (exit 2): %j', async (extra, message) => {
    const r = await validate(...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

const SIX_COULD_NOT_RUN = '6 rules could not run ("verifyPerson", "verifyPerson.name", "verifyPerson.nameForm", "verifyPerson.birth", ' +
  '"verifyPerson.gender", "verifyPerson.deceased")';

describe('ddss validate --dataset land-parcels|insurance-participants --reference population=FILE', () => {
  const example = (p: string) => fileURLToPath(new URL(`../examples/${p}`, import.meta.url));
  const manifest = JSON.parse(readFileSync(example('population/population.manifest.json'), 'utf8')) as
    { datasets: Record<string, { rows: { row: number; codes: string[] }[]; checked: number }> };
  const person = async (dataset: string, sample: string, ...extra: string[]) => {
    const r = await cli(['validate', example(sample), '--dataset', dataset, ...NOW, '--format', 'json', ...extra]);
    const rules = (JSON.parse(r.stdout) as { rules: RuleJson[] }).rules
      .filter((x) => x.id.startsWith('verifyPerson'));
    return { code: r.code, rules };
  };

  it.each([
    ['land-parcels', 'land/parcels.csv'],
    ['insurance-participants', 'insurance/participants.csv'],
  ])('%s verifies every person against the register: the findings are the manifest\'s, row by row', async (dataset, sample) => {
    const r = await person(dataset, sample, '--reference', `population=${example('population/population.csv')}`);
    expect(r.code).toBe(1); // the samples fail other rules anyway
    const found = r.rules.flatMap((x) => x.samples.map((s) => ({ row: s.row, code: s.code })));
    const expected = manifest.datasets[dataset]!.rows.flatMap((x) => x.codes.map((code) => ({ row: x.row, code })));
    const order = (a: { row: number; code: string }, b: { row: number; code: string }) => a.row - b.row || (a.code < b.code ? -1 : 1);
    expect(found.sort(order)).toEqual(expected.sort(order));
    expect(r.rules[0]?.checked).toBe(manifest.datasets[dataset]!.checked);
  });

  it('without the register the six rules are skipped (checked 0), not passed, and the run is not an error', async () => {
    const r = await person('land-parcels', 'land/parcels.csv');
    expect(r.code).toBe(1);
    expect(r.rules.map((x) => [x.id, x.status, x.checked])).toEqual(['verifyPerson', 'verifyPerson.name', 'verifyPerson.nameForm',
      'verifyPerson.birth', 'verifyPerson.gender', 'verifyPerson.deceased'].map((id) => [id, 'skipped', 0]));
  });

  it.each([
    ['UTF-16 without a BOM', (t: string) => Buffer.from(t, 'utf16le'), 'looks like UTF-16 LE, not utf8 as it was read: every other byte is zero, as in UTF-16 text; declare its encoding (--reference-encoding utf16le)'],
    ['Windows-1258', (t: string) => Buffer.from(t.replace('Ngô Đình Huy', 'Ng\u00f4 \u0110\u00ecnh Huy'), 'latin1'),
      "holds 1 cell(s) with bytes that are not UTF-8 in 'full_name' (the first at line 2), which would compare as replacement characters; if it comes from a legacy system, declare its encoding (--reference-encoding tcvn3, vni or windows-1258)"],
  ])('a register in %s is refused with the encoding to declare, as the input gets --encoding (exit 3)', async (_what, bytes, hint) => {
    writeFileSync(tmp.path('pop.csv'), bytes('id,full_name,birth_date,gender\n012061147678,Ngô Đình Huy,1961,Nam\n'));
    const r = await cli(['validate', example('land/parcels.csv'), '--dataset', 'land-parcels', ...NOW, '--reference', `population=${tmp.path('pop.csv')}`]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`${SIX_COULD_NOT_RUN}: reference 'population' ${hint}`);
  });

  it('one problem of the register stopping the six rules is said once, naming them; the JSON report keeps each rule\'s error', async () => {
    writeFileSync(tmp.path('pop.csv'), 'id,full_name,birth_date,gender\n012061147678,Ngô Đình Huy,1961,Nam\n012061147678,Ngô Đình Huy,1961,Nam\n');
    const args = ['validate', example('land/parcels.csv'), '--dataset', 'land-parcels', ...NOW, '--reference', `population=${tmp.path('pop.csv')}`];
    const text = await cli(args);
    const why = "reference 'population' holds 1 record(s) whose id repeats an earlier record's";
    // stderr: one line for the six rules.
    const lines = text.stderr.split('\n').filter((l) => l.includes(why));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.startsWith(`ddss: ${SIX_COULD_NOT_RUN}: ${why}`)).toBe(true);
    // The summary: the reason once in the verdict, and each listed rule after the first points to the first.
    expect(text.stdout.split(why)).toHaveLength(3);
    expect(text.stdout).toContain(`could not be evaluated: ${SIX_COULD_NOT_RUN.replace(/"/g, '')}: ${why}`);
    expect(text.stdout).toMatch(/!\s+verifyPerson\.deceased\s+Error: the same as verifyPerson\n/);
    // The report's contract: every rule still carries its own error; the dataset's error says it once.
    const json = await cli([...args, '--format', 'json']);
    const report = JSON.parse(json.stdout) as { error: string; rules: RuleJson[] };
    expect(report.rules.filter((x) => x.id.startsWith('verifyPerson')).map((x) => x.error?.startsWith(why))).toEqual(Array(6).fill(true));
    expect(report.error.split(why)).toHaveLength(2);
  });

  it('a register with a record its reader dropped makes the rules error (exit 3), never a false not_in_register', async () => {
    // Row 0 of the parcels names 012061147678: its register record is over the 1 MiB record cap, so it is not read.
    const register = readFileSync(example('population/population.csv'), 'utf8')
      .replace('012061147678,Ngô Đình Huy,', `012061147678,Ngô Đình Huy${' '.repeat(1100 * 1024)},`);
    writeFileSync(tmp.path('pop.csv'), register);
    const r = await person('land-parcels', 'land/parcels.csv', '--reference', `population=${tmp.path('pop.csv')}`);
    expect(r.code).toBe(3);
    const line = register.split('\n').findIndex((l) => l.startsWith('012061147678')) + 1;
    expect(r.rules.map((x) => [x.status, x.error])).toEqual(r.rules.map(() => ['error',
      `reference 'population' could not be read whole: 1 record(s) were not read or not read whole (the first at line ${line}: ` +
      'record_too_large, the record is larger than 1048576 bytes and was not read), so their keys would be reported as not in it; ' +
      'mend the file and run again']));
    expect(r.rules.flatMap((x) => x.samples)).toEqual([]);
  });

  it('a register whose header names a column the rules read twice makes the rules error (exit 3), saying which', async () => {
    const register = readFileSync(example('population/population.csv'), 'utf8').replace(/^id,full_name,/, 'id,full_name,full_name,')
      .replace(/\n(\d{12}),/g, '\n$1,,');
    writeFileSync(tmp.path('pop.csv'), register);
    const r = await person('land-parcels', 'land/parcels.csv', '--reference', `population=${tmp.path('pop.csv')}`);
    expect(r.code).toBe(3);
    expect(r.rules.map((x) => [x.status, x.error])).toEqual(r.rules.map(() => ['error',
      "reference 'population' names 1 column(s) it reads more than once in its header (the first at line 1: duplicate_header, " +
      'header "full_name" appears again at column 3), so the rules would judge against the first of them, which may not be the one ' +
      'meant; name each column once and run again']));
  });

  describe('a definition of its own, IDs as text', () => {
    const people = (ids: readonly string[]) => `rid,cccd,ho_ten,nam_sinh,gioi_tinh\n${ids.map((id, i) => `R${i},${id},Nguyễn Văn An,1989,Nam`).join('\n')}\n`;
    const run = async (ids: readonly string[], register: string) => {
      writeFileSync(tmp.path('people.yaml'), 'name: people\nfields:\n  rid: { type: text }\n  cccd: { type: text, pii: true }\n' +
        '  ho_ten: { type: text, pii: true }\n  nam_sinh: { type: integer }\n  gioi_tinh: { type: text }\n' +
        'rules: [{ type: vn.verifyPerson, id: cccd, name: ho_ten, birthYear: nam_sinh, gender: gioi_tinh }]\n');
      writeFileSync(tmp.path('pin.csv'), people(ids));
      writeFileSync(tmp.path('pop.csv'), register);
      const r = await cli(['validate', tmp.path('pin.csv'), '--dataset', tmp.path('people.yaml'), ...NOW, '--format', 'json',
        '--reference', `population=${tmp.path('pop.csv')}`]);
      const report = JSON.parse(r.stdout) as { status: string; rules: RuleJson[] };
      return { code: r.code, status: report.status, lookup: report.rules.find((x) => x.id === 'verifyPerson'), stderr: r.stderr };
    };
    const A = '001089012345';
    const B = '001089012348';
    const REGISTER = `id,full_name,birth_date,gender\n${A},Nguyễn Văn An,1989,Nam\n${B},Nguyễn Văn An,1989,Nam\n`;

    it('IDs that lost their leading zeros are not in the register: the run fails, it is not "skipped" and passed', async () => {
      const r = await run(['1089012345', '1.08901E+11', `'${B}`, '1089012348'], REGISTER);
      expect([r.code, r.status, r.lookup?.status, r.lookup?.checked, r.lookup?.failed]).toEqual([1, 'failed', 'failed', 4, 4]);
      expect(r.stderr).toContain("ddss: every one of the 4 rows verifyPerson checked is not in reference 'population' (2 keys)");
      // Two of four is no pattern: the hint names the option mapping the register's columns.
      expect(r.stderr).toContain("check the file and the rule's registerColumns before the data");
      const zeros = await run(['1089012345', '1089012348'], REGISTER);
      expect(zeros.stderr).toContain('2 of the first 2 keys of cccd are in it once written with leading zeros to 12 digits');
    });

    it('a register with no records, or whose IDs lost their leading zeros, is named on stderr as the likely cause', async () => {
      const none = await run([A, B], 'id,full_name,birth_date,gender\n');
      expect(none.code).toBe(1);
      expect(none.stderr).toContain("ddss: every one of the 2 rows verifyPerson checked is not in reference 'population': " +
        'the reference holds no key (a header and no records); check the file given for it');
      const lost = await run([A, B], REGISTER.replaceAll('00108901', '108901'));
      expect(lost.stderr).toContain("is not in reference 'population' (2 keys): 2 of the first 2 keys of cccd are in it once written without leading zeros");
    });
  });

  it('a register with one person twice makes the rules error (exit 3), saying why', async () => {
    writeFileSync(tmp.path('pop.csv'), 'id,full_name,birth_date,gender\n012061147678,Ngô Đình Huy,1961,Nam\n012061147678,Ngô Đình Huy,1961,Nam\n');
    const r = await cli(['validate', example('land/parcels.csv'), '--dataset', 'land-parcels', ...NOW, '--reference', `population=${tmp.path('pop.csv')}`]);
    expect(r.code).toBe(3);
    // Where in the register, by its own line (the ID itself may not be shown).
    expect(r.stderr).toContain("reference 'population' holds 1 record(s) whose id repeats an earlier record's (the first at line 3 of the register)");
    expect(r.stderr).not.toMatch(/\(row \d+\)/);
  });
});
