import { describe, expect, it } from 'vitest';
import { readCsv, readJson, reference } from '../index.js';

const text = 'code,name\n00004,Ba Đình\n00008,Hoàn Kiếm\n';
/** `text` with its accented letters as single Windows-1258 bytes (0xC0…), which are never UTF-8. */
const legacy = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 0xc0)));

const load = (source: Parameters<typeof reference>[1], columns: string[] = []) =>
  reference('communes', source, { key: 'code', columns }).load();

describe('a reference not in the encoding it is read with is refused, with the encoding to declare', () => {
  it.each([
    ['UTF-16 LE without a BOM, read as UTF-8', () => readCsv(Buffer.from(text, 'utf16le')), [],
      /^reference 'communes' looks like UTF-16 LE, not utf8 as it was read: every other byte is zero.*; declare its encoding \(--reference-encoding utf16le\)$/],
    ['UTF-16 with a BOM, declared windows-1258', () => readCsv(Buffer.from(`\uFEFF${text}`, 'utf16le'), { encoding: 'windows-1258' }), [],
      /looks like UTF-16 LE, not windows-1258 as it was read: it starts with the UTF-16 LE byte order mark; declare its encoding \(--reference-encoding utf16le\)/],
    ['legacy bytes in a kept column', () => readCsv(legacy(text)), ['name'],
      /^reference 'communes' holds 2 cell\(s\) with bytes that are not UTF-8 in 'name' \(the first at line 2\), which would compare as replacement characters; if it comes from a legacy system, declare its encoding \(--reference-encoding tcvn3, vni or windows-1258\)$/],
    ['legacy bytes in the key', () => readCsv(legacy('code\nĐ1\n')), [], /holds 1 cell\(s\) with bytes that are not UTF-8 in 'code' \(the first at line 2\)/],
    ['legacy bytes in a header it needs', () => readCsv(legacy('mã,name\n1,a\n')), [],
      /has no column 'code' \(its columns: m\uFFFD, name\); its header holds bytes that are not UTF-8: if it comes from a legacy system, declare its encoding/],
    ['JSON with bytes that are not UTF-8', () => readJson([legacy('[{"code":"1","name":"Đình"}]')]), ['name'],
      /holds 1 cell\(s\) with bytes that are not UTF-8 in 'name'.*JSON is read as UTF-8: convert the file to UTF-8$/],
    // It named --reference-encoding, which does not apply to JSON (a usage error); before that it was "invalid JSON at byte 1".
    ['JSON in UTF-16: unreadable, not "empty"', () => readJson([Buffer.from('[{"code":"1"}]', 'utf16le')]), [],
      /^reference 'communes' looks like UTF-16 LE, not utf8 as it was read: every other byte is zero, as in UTF-16 text; JSON is read as UTF-8: convert the file to UTF-8$/],
    ['JSON in UTF-16 with its BOM', () => readJson([Buffer.from('\uFEFF[{"code":"1"}]', 'utf16le')]), [],
      /^reference 'communes' looks like UTF-16 LE, not utf8 as it was read: it starts with the UTF-16 LE byte order mark; JSON is read as UTF-8: convert the file to UTF-8$/],
  ])('%s', async (_what, source, columns, message) => {
    const t = await load(source(), columns);
    expect(t.error).toMatch(message);
  });

  it.each([
    ['UTF-16 with its BOM (what the file says it is)', () => readCsv(Buffer.from(`\uFEFF${text}`, 'utf16le'))],
    ['UTF-16 declared', () => readCsv(Buffer.from(text, 'utf16le'), { encoding: 'utf16le' })],
    ['legacy bytes in a column it does not read', () => readCsv(legacy(text))],
    ['windows-1258 declared', () => readCsv(legacy(text), { encoding: 'windows-1258' })],
  ])('reads it when nothing it uses is garbled: %s', async (_what, source) => {
    const t = await load(source());
    expect([t.error, t.size, t.has(['00008'])]).toEqual([undefined, 2, true]);
  });
});
