import { describe, expect, it } from 'vitest';
import { readCsv } from '../sources/csv/read-csv.js';
import { profile } from './profile.js';
import { profileText } from './profile-text.js';
import { profileHtml } from './profile-html.js';

const NOW = new Date('2026-11-22T00:00:00Z');
// A CCCD column, a decimal-comma amount, a date column gone through a spreadsheet as serial numbers, padded and NFD text.
const CSV = 'so_cccd,so_tien,ngay_cap,ghi_chu\n' + Array.from({ length: 40 }, (_, i) =>
  `0010900${String(12345 + i).padStart(5, '0')},"${i},5",${43831 + i},${i % 4 === 0 ? ' Hà Nội ' : 'Hà Nội'.normalize(i % 4 === 1 ? 'NFD' : 'NFC')}\n`).join('');

describe('a profile in Vietnamese', async () => {
  const p = await profile(readCsv(Buffer.from(CSV), { name: 'nguoi.csv' }), { now: NOW });

  it('says every word around the values in Vietnamese, with decimal commas, and the values as read', () => {
    const text = profileText(p, { locale: 'vi' });
    expect(text.split('\n')[0]).toBe('nguoi.csv: 40 dòng, 4 cột');
    expect(text).toContain('so_tien  số (dấu thập phân ",")');
    expect(text).toMatch(/\n {2}thiếu {6}0 \(0%\)\n {2}khác nhau {2}40\n/);
    expect(text).toContain('100% có vẻ là số CCCD (định danh cá nhân 12 chữ số) ✓');
    expect(text).toContain('có thể chứa ngày dưới dạng số sê-ri của Excel: tên cột cho biết là ngày và mọi giá trị là số sê-ri của một ngày (01/01/2020 – 09/02/2020) (không chuyển đổi gì)');
    expect(text).toContain('10 giá trị có khoảng trắng ở đầu hoặc cuối');
    expect(text).toContain('10 giá trị không ở dạng Unicode NFC');
    // Nothing of the English words is left in the labels (values and codes aside).
    expect(text).not.toMatch(/\b(missing|distinct|range|length|top|shapes|signs|look like|rows|columns)\b/);
  });

  it('gives the same text in English as before: the default, and locale "en"', () => {
    const text = profileText(p);
    expect(profileText(p, { locale: 'en' })).toBe(text);
    expect(text.split('\n')[0]).toBe('nguoi.csv: 40 rows, 4 columns');
    expect(text).toContain('  missing   0 (0%)');
    expect(text).toContain('100% look like CCCD (12-digit personal ID) ✓');
  });

  it('writes the HTML page in Vietnamese: its language, headings and column names', () => {
    const html = profileHtml(p, { locale: 'vi' });
    expect(html).toContain('<html lang="vi"');
    expect(html).toContain('<title>nguoi.csv — hồ sơ dữ liệu</title>');
    for (const words of ['Hồ sơ dữ liệu · ddss', 'Số dòng', '<h2>Các cột</h2>', '<th>Cột</th><th>Kiểu</th><th class="num">Thiếu</th>', 'Giá trị và dạng', 'Giá trị hay gặp']) {
      expect(html).toContain(words);
    }
    expect(profileHtml(p)).toContain('<html lang="en"');
  });

  it.each([
    [{ locale: 'fr' }, /profileText: locale must be "en" or "vi", got "fr"/],
    [{ lang: 'vi' }, /"lang" is not an option of profileText/],
    [null, /the options of profileText must be an object, got null/],
  ])('refuses options it would ignore: %j', (options, message) => {
    expect(() => profileText(p, options as never)).toThrow(message);
  });
});
