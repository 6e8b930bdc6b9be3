import { describe, expect, it } from 'vitest';
import { defineDataset, field } from '../index.js';
import { toHtml } from './html.js';
import { run } from '../../test/_run.js';
import type { FieldSpecData } from '../core/types.js';

// The page must open quickly and be mailable: a run with 80 failing rules keeping 100 samples each stays under 1 MB.
describe('toHtml page size', () => {
  it('stays under 1 MB for 100 samples × 80 rules, samples collapsed per rule', async () => {
    const fields: Record<string, FieldSpecData> = {};
    for (let i = 0; i < 80; i++) {
      fields[`truong_du_lieu_${i}`] = field.text().pattern(/^\d{12}$/).label({ en: `Column number ${i}`, vi: `Cột dữ liệu số ${i}` });
    }
    const def = defineDataset({ name: 'wide', title: { en: 'A wide register', vi: 'Sổ nhiều cột' }, fields });
    const rows = Array.from({ length: 100 }, (_, r) => {
      const row: Record<string, string> = {};
      for (const name of Object.keys(fields)) row[name] = `Nguyễn Thị Minh Khai — hàng ${r} — ${name}`;
      return row;
    });
    const report = await run(def, rows, { locale: 'vi' });
    expect(report.rules.filter((r) => r.samples.length === 100)).toHaveLength(80);
    const html = toHtml(report);
    const bytes = Buffer.byteLength(html, 'utf8');
    expect(bytes).toBeLessThan(1024 * 1024);
    // Collapsed: one closed <details> per rule beyond the first, each saying how many findings it has.
    expect(html.match(/<details id="s-\d+">/g)?.length).toBe(79);
  });
});
