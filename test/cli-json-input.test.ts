import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// JSON is read as UTF-8 only, and `--encoding` with a JSON input is a usage error: a hint naming it sent the user to
// a flag that is refused (exit 2). The hint says to convert the file instead.
let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  writeFileSync(tmp.path('def.yaml'), 'name: t\nfields:\n  id: { type: text }\n  name: { type: text }\n');
});
afterEach(() => tmp.remove());

describe('ddss validate and profile on a JSON input not in UTF-8', () => {
  // PowerShell 5's `ConvertTo-Json > export.json` is UTF-16 LE with a byte order mark.
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('[{"id":"1","name":"Hà"}]', 'utf16le')]);
  // TCVN3 bytes in a string: not UTF-8.
  const legacy = Buffer.concat([Buffer.from('[{"id":"1","name":"H'), Buffer.from([0xb8]), Buffer.from('"}]')]);

  it.each([['export.json'], ['export.ndjson']])('UTF-16 %s: exit 3, the read error says to convert it, no --encoding hint', async (name) => {
    writeFileSync(tmp.path(name), name.endsWith('.ndjson') ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"id":"1"}\n', 'utf16le')]) : utf16);
    const r = await cli(['validate', tmp.path(name), '--dataset', tmp.path('def.yaml'), ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('the input is UTF-16 LE text, and JSON is read as UTF-8: convert it first (iconv -f UTF-16 -t UTF-8 FILE > FILE-utf8.json)');
    expect(r.stderr).not.toContain('--encoding');
  });

  it('bytes that are not UTF-8: the invalid_encoding finding, and a hint to convert the file, not a refused --encoding', async () => {
    writeFileSync(tmp.path('export.json'), legacy);
    const r = await cli(['validate', tmp.path('export.json'), '--dataset', tmp.path('def.yaml'), ...NOW, '--format', 'json']);
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { rules: { id: string; failed: number }[] }).rules.find((x) => x.id === 'source.invalid_encoding')?.failed).toBe(1);
    // One row holds them: "1 rows hold" until this version.
    expect(r.stderr).toContain('ddss: 1 row holds bytes that are not UTF-8; JSON is read as UTF-8 only: convert the file to UTF-8 from the encoding it was written in\n');
    expect(r.stderr).not.toContain('--encoding');
  });

  it('profile says the same', async () => {
    writeFileSync(tmp.path('export.json'), legacy);
    const r = await cli(['profile', tmp.path('export.json')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('ddss: 1 row holds bytes that are not UTF-8 (their columns are masked); JSON is read as UTF-8 only: ' +
      'convert the file to UTF-8 from the encoding it was written in');
    expect(r.stderr).not.toContain('--encoding');
  });

  it('compare: a JSON side not in UTF-8 is told to convert it, not to declare a refused --encoding-copy', async () => {
    writeFileSync(tmp.path('a.csv'), 'id,name\n1,Hà\n');
    writeFileSync(tmp.path('export.json'), legacy);
    writeFileSync(tmp.path('utf16.json'), utf16);
    const bad = await cli(['compare', tmp.path('a.csv'), tmp.path('export.json'), '--key', 'id']);
    expect(bad.stderr).toContain('ddss: 1 row of the copy holds bytes that are not UTF-8, compared as replacement characters; JSON is read as UTF-8 only: convert the file to UTF-8 from the encoding it was written in\n');
    const wide = await cli(['compare', tmp.path('a.csv'), tmp.path('utf16.json'), '--key', 'id']);
    expect(wide.code).toBe(3);
    expect(wide.stderr).toContain('copy: the input is UTF-16 LE text, and JSON is read as UTF-8: convert it first');
    for (const r of [bad, wide]) expect(r.stderr).not.toContain('--encoding');
  });

  it('the hint naming --encoding stays for CSV, which it reads', async () => {
    writeFileSync(tmp.path('export.csv'), Buffer.concat([Buffer.from('id,name\n1,H'), Buffer.from([0xb8]), Buffer.from('\n')]));
    const r = await cli(['validate', tmp.path('export.csv'), '--dataset', tmp.path('def.yaml'), ...NOW]);
    expect(r.stderr).toContain('declare its encoding: --encoding tcvn3, vni or windows-1258');
  });
});

describe('ddss validate and compare on NDJSON named .json', () => {
  it('the NDJSON hint names the flag to give, not the library option', async () => {
    writeFileSync(tmp.path('export.json'), '{"id":"1"}\n{"id":"2"}\n');
    const r = await cli(['validate', tmp.path('export.json'), '--dataset', tmp.path('def.yaml'), ...NOW]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('unexpected data after the end of the JSON document, found "{" (is it NDJSON? read it with --input-format ndjson)\n');
    writeFileSync(tmp.path('a.csv'), 'id\n1\n2\n');
    const c = await cli(['compare', tmp.path('a.csv'), tmp.path('export.json'), '--key', 'id']);
    expect(c.stderr).toContain('(is it NDJSON? read it with --input-format-copy ndjson)\n');
    expect(`${r.stderr}${c.stderr}`).not.toContain('format: "ndjson"');
  });
});

describe('ddss validate on a JSON array named .ndjson', () => {
  // Every line was invalid_json (or the one line non_object_element) and the run "nothing to evaluate", with no word
  // of the format: the flag that reads it is said.
  it.each([
    // Its last element has no comma after it: the one line read as a record.
    ['pretty-printed', '[\n  {"id":"1"},\n  {"id":"2"}\n]\n', 1, '3 of the 4 lines'],
    ['on one line', '[{"id":"1"},{"id":"2"}]\n', 3, '1 of the 1 lines'],
  ])('%s: the flag to read it as JSON', async (_what, text, code, lines) => {
    writeFileSync(tmp.path('export.ndjson'), text);
    const r = await cli(['validate', tmp.path('export.ndjson'), '--dataset', tmp.path('def.yaml'), ...NOW]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(`ddss: ${lines} of the input are no record (one JSON object per line), the first among them: if it is one JSON document, an array of records, read it with --input-format json\n`);
    // In the report's language under --locale vi.
    const vi = await cli(['validate', tmp.path('export.ndjson'), '--dataset', tmp.path('def.yaml'), ...NOW, '--locale', 'vi']);
    const [n, of] = (/^(\d+) of the (\d+)/.exec(lines) ?? []).slice(1);
    expect(vi.stderr).toContain(`ddss: ${n} trong ${of} dòng của dữ liệu đầu vào không phải bản ghi (mỗi dòng một đối tượng JSON), kể cả ` +
      'dòng đầu tiên: nếu đó là một tài liệu JSON, một mảng các bản ghi, hãy đọc nó bằng --input-format json\n');
  });

  it('says nothing for a damaged first line among records', async () => {
    writeFileSync(tmp.path('export.ndjson'), '[1]\n{"id":"1"}\n{"id":"2"}\n');
    const r = await cli(['validate', tmp.path('export.ndjson'), '--dataset', tmp.path('def.yaml'), ...NOW]);
    expect(r.stderr).not.toContain('--input-format json');
  });
});

