import { writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

const CSV = 'so_cccd,so_tien,ngay_cap\n' + Array.from({ length: 40 }, (_, i) => `0010900${String(12345 + i).padStart(5, '0')},"${i},5",${43831 + i}\n`).join('');
let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  writeFileSync(tmp.path('nguoi.csv'), CSV);
});
afterEach(() => tmp.remove());

describe('ddss profile --locale', () => {
  it('writes the text and html formats in Vietnamese, and refuses a locale for the json and yaml data', async () => {
    const run = (...argv: string[]) => cli(['profile', tmp.path('nguoi.csv'), ...NOW, ...argv]);
    const vi = await run('--locale', 'vi');
    expect([vi.code, vi.stdout.split('\n')[0]]).toEqual([0, 'nguoi.csv: 40 dòng, 3 cột']);
    expect(vi.stdout).toContain('100% có vẻ là số CCCD (định danh cá nhân 12 chữ số) ✓');
    const en = await run();
    expect(en.stdout.split('\n')[0]).toBe('nguoi.csv: 40 rows, 3 columns');
    expect((await run('--locale', 'vi', '--format', 'html')).stdout).toContain('<html lang="vi"');
    // Said in the language asked for, as every usage error under --locale vi.
    const yaml = await run('--locale', 'vi', '--format', 'yaml');
    expect([yaml.code, yaml.stderr]).toEqual([2, 'ddss: --locale dùng cho định dạng text và html, không dùng cho yaml (các khóa và chú thích ' +
      'của nó là dữ liệu, bằng tiếng Anh)\n']);
    const json = await run('--locale', 'en', '--format', 'json');
    expect([json.code, json.stderr]).toEqual([2, 'ddss: --locale applies to the text and html formats, not json (its keys and comments are data, in English)\n']);
    const fr = await run('--locale', 'fr');
    expect([fr.code, fr.stderr]).toEqual([2, 'ddss: --locale must be one of en, vi, got "fr"\n']);
  });
});
