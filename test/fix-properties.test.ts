import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defineDataset, field, fix, type FixChange } from '../src/index.js';
import { vn } from '../rules/vn/index.js';
import { tcvn3Mojibake } from '../examples/generator/_vn.js';

const NOW = '2026-11-22T00:00:00.000Z';

/** Names, identifiers, phones and dates, clean and damaged in every way `fix` knows, and some it must not touch. */
const people = defineDataset({
  name: 'people', key: 'id',
  fields: {
    id: field.text().use(vn.cccd()),
    name: field.text().nfc().trimmed().use(vn.whitespace(), vn.legacyEncoding()),
    phone: field.text().use(vn.phone(), vn.phonePrefix()),
    born: field.date('dd/MM/yyyy').notInFuture(),
    note: field.text(),
  },
  rules: [vn.excelSerialIn('born')],
});

const NAMES = ['Nguyễn Văn An', 'Nguye\u0302\u0303n Va\u0306n An', ' Trần Thị Bình ', 'Lê  Chi', 'Phạm\u00a0Đào',
  tcvn3Mojibake('Nguyễn Thị Hồng'), 'Hoa ', '', 'A, "B"'];
const IDS = ['001089012345', '01089012345', '1089012345', '', '079188000123', 'x'];
const PHONES = ['0912345678', '01681234567', '912345678', '', '0162 123 4567'];
const DATES = ['16/07/2023', '45123', '2023-07-16', '', '99999', '16.07.2023', '3/4/2023', '16/07/23', '31/02/2023'];
const NOTES = ['', 'x', 'a,b', ' q ', 'line\nbreak', '"quoted"'];
const EOLS = ['\n', '\r\n', '\r'];

const cell = (v: string, quote: boolean): string => (quote || /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

const file = fc.record({
  bom: fc.boolean(),
  last: fc.boolean(),
  rows: fc.array(fc.record({
    values: fc.tuple(fc.constantFrom(...IDS), fc.constantFrom(...NAMES), fc.constantFrom(...PHONES), fc.constantFrom(...DATES), fc.constantFrom(...NOTES)),
    quotes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
    eol: fc.constantFrom(...EOLS),
  }), { maxLength: 12 }),
}).map(({ bom, last, rows }) => {
  let text = `${bom ? '\ufeff' : ''}id,name,phone,born,note\n`;
  rows.forEach((r, i) => {
    text += r.values.map((v, j) => cell(v, r.quotes[j] === true)).join(',');
    if (i < rows.length - 1 || last) text += r.eol;
  });
  return Buffer.from(text, 'utf8');
});

async function once(input: Uint8Array): Promise<{ bytes: Buffer; log: FixChange[]; fixed: number }> {
  const chunks: Uint8Array[] = [];
  const log: FixChange[] = [];
  const r = await fix(people, input, { now: NOW, showValues: true, write: (c) => { chunks.push(c); }, onChange: (c) => log.push(c) });
  return { bytes: Buffer.concat(chunks), log, fixed: r.fixed };
}

describe('fix (properties)', () => {
  it('fixing a fixed file changes nothing: no cell is fixed the second time and the bytes are the same', async () => {
    const kinds = new Set<string>();
    await fc.assert(fc.asyncProperty(file, async (input) => {
      const first = await once(input);
      for (const c of first.log) if (c.status === 'fixed') for (const k of c.kind.split('+')) kinds.add(k);
      const second = await once(first.bytes);
      expect(second.fixed).toBe(0);
      expect(second.log.filter((c) => c.status === 'fixed')).toEqual([]);
      expect(Buffer.compare(second.bytes, first.bytes)).toBe(0);
    }), { numRuns: 40, seed: 20261122 });
    // The runs did fix things, of every kind the file can hold (a property over no fixes would prove nothing).
    expect([...kinds].sort()).toEqual(['date-format', 'excel-date', 'leading-zero', 'legacy-encoding', 'nfc', 'phone-prefix', 'whitespace']);
  });

  it('a file with nothing fixable comes out byte for byte, whatever its line ends, quoting and byte order mark', async () => {
    const clean = fc.record({ bom: fc.boolean(), rows: fc.array(fc.record({
      values: fc.tuple(fc.constantFrom('001089012345', ''), fc.constantFrom('Nguyễn Văn An', 'Lê Chi'), fc.constantFrom('0912345678'),
        fc.constantFrom('16/07/2023', '16/07/23', '31/02/2023'), fc.constantFrom(...NOTES)),
      quotes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), eol: fc.constantFrom(...EOLS),
    }), { maxLength: 8 }) }).map(({ bom, rows }) => Buffer.from(`${bom ? '\ufeff' : ''}id,name,phone,born,note\r\n` +
      rows.map((r) => r.values.map((v, j) => cell(v, r.quotes[j] === true)).join(',') + r.eol).join(''), 'utf8'));
    await fc.assert(fc.asyncProperty(clean, async (input) => {
      const r = await once(input);
      expect(r.fixed).toBe(0);
      expect(Buffer.compare(r.bytes, input)).toBe(0);
    }), { numRuns: 30 });
  });
});
