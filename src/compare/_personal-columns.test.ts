import { describe, expect, it } from 'vitest';
import { compare } from './compare.js';

// Columns named so that nothing says personal data: their values do. The names are Vietnamese names and the IDs
// CCCDs of the form the profile recognises; the amounts and notes are no personal data.
const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang'];
const IDS = ['001099012345', '079188000123', '001089012346', '079190000124', '001095012347', '079185000125'];
const source = NAMES.map((name, i) => ({ id: `R${i}`, c1: name, info: IDS[i] as string, amount: String(2350000 + i * 1000), note: `ghi chú ${i}` }));
const copy = source.map((r) => ({ ...r, c1: `${r.c1}h`, info: `${r.info.slice(0, 11)}9`, amount: `${r.amount}0`, note: `${r.note}!` }));

describe('compare masks columns whose values are personal data, whatever they are called', () => {
  it('masks a column of names and one of IDs, not amounts or notes, in samples and in onChange', async () => {
    const seen: string[] = [];
    const r = await compare(source, copy, { key: 'id', onChange: (d) => { seen.push(`${d.source ?? ''} ${d.copy ?? ''}`); } });
    const text = JSON.stringify(r.samples) + seen.join('\n');
    for (const v of [...NAMES, ...IDS]) expect([v, text.includes(v)]).toEqual([v, false]);
    expect(text).toContain('2350000');
    expect(text).toContain('ghi chú 0!');
    const shown = JSON.stringify((await compare(source, copy, { key: 'id', showValues: true })).samples);
    for (const v of [...NAMES, ...IDS]) expect(shown).toContain(v);
  });

  it('masks a column of house addresses: house number and street, then the province (no `tỉnh`)', async () => {
    // Half of them as cadastral books write owners' addresses, the other half villages, which alone are not a house's.
    const addresses = ['Số 42 Hai Bà Trưng, Lai Châu', 'Thôn Đông, Cà Mau', 'Số 7 Lê Lợi, Quảng Ninh', 'Ấp Bắc, Quảng Ninh'];
    const rows = addresses.map((a, i) => ({ id: `R${i}`, info: a }));
    const r = await compare(rows, rows.map((row) => ({ ...row, info: row.info.replace(/\d+/, '1$&') })), { key: 'id' });
    expect(r.counts.changed).toBe(2);
    for (const leak of ['Hai Bà', 'Lê Lợi', '142', '17 ']) expect([leak, JSON.stringify(r.samples).includes(leak)]).toEqual([leak, false]);
  });

  it('masks house addresses in lower case, without tones, in capitals or decomposed, and shows ordinary text', async () => {
    const addresses = ['số 42 hai bà trưng, lai châu', 'so 7 le loi, quang ninh', 'SỐ NHÀ 5, THÔN ĐÔNG', 'số nhà 9, thôn đoài, cà mau'.normalize('NFD')];
    // Neither a house number nor a person's: a commune, land-use codes, a date, a count of parcels.
    const notes = ['xã tân lập, huyện đông anh', 'luc, ont', '12/03/2025, 13/03/2025', '2 thửa đất, xã tân lập'];
    const rows = addresses.map((a, i) => ({ id: `R${i}`, info: a, note: notes[i] as string }));
    const changed = rows.map((row) => ({ ...row, info: row.info.replace(/\d+/, '1$&'), note: `${row.note}!` }));
    const r = await compare(rows, changed, { key: 'id' });
    expect(r.counts.changed).toBe(4);
    const text = JSON.stringify(r.samples).normalize('NFC');
    for (const leak of ['hai bà', 'le loi', 'THÔN ĐÔNG', 'thôn đoài', '142', '17 ', '15', '19']) expect([leak, text.includes(leak)]).toEqual([leak, false]);
    for (const note of notes) expect(text).toContain(`${note}!`);
  });

  it('masks a key column of IDs', async () => {
    const keyed = (rows: typeof source) => rows.map((r) => ({ info: r.info, note: r.note }));
    const r = await compare(keyed(source), keyed(source).slice(1), { key: 'info' });
    expect(r.counts.missing).toBe(1);
    expect(JSON.stringify(r.samples)).not.toContain(IDS[0]);
  });
});
