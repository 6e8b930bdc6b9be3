import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

// Columns nothing says are personal (`note`), holding a person's data by its form. Before, `compare` masked only
// whole personal columns, and each of these was shown in the clear in every format and in --changes.
const tmp = scratch();
afterAll(() => tmp.remove());
const STRAY = [
  ['a CCCD', '001089012345', '001089012399'],
  ['a full name', 'Nguyễn Văn Quokka', 'Trần Thị Quokka'],
  ['a BHYT code', 'HS4010123456789', 'HS4010123456780'],
  ['an e-mail', 'quokka@example.vn', 'quokka2@example.vn'],
  ['a run-on cell over several lines', 'ok\n5,Quokka,001089012346', 'ok'],
  ['a note quoting a phone and a name', 'Liên hệ 0912345678 gặp Nguyễn Văn An', 'Liên hệ 0912345679 gặp Nguyễn Văn An'],
] as const;
const SENTINELS = ['001089012345', '001089012399', 'Quokka', 'HS4010123456789', 'quokka@', '001089012346', '0912345678', 'Nguyễn Văn'];

// Most cells of the column are no one's, so the column is not judged personal as a whole (as profile judges it).
const csv = (cells: readonly string[]): string => `id,note\n${Array.from({ length: 60 }, (_, i) => `${i},ok\n`).join('')}` +
  `${cells.map((c, i) => `${i + 100},"${c.replace(/"/g, '""')}"`).join('\n')}\n`;
writeFileSync(tmp.path('s.csv'), csv(STRAY.map(([, s]) => s)));
writeFileSync(tmp.path('c.csv'), csv(STRAY.map(([, , c]) => c)));

async function outputs(extra: readonly string[]): Promise<string> {
  const texts: string[] = [];
  for (const [format, changes] of [['text', 'csv'], ['json', 'ndjson'], ['md', 'csv'], ['html', 'ndjson']] as const) {
    const name = `${format}${extra.length}`;
    const r = await cli(['compare', tmp.path('s.csv'), tmp.path('c.csv'), '--key', 'id', '--format', format, '--out', tmp.path(`${name}.out`),
      '--changes', tmp.path(`${name}.${changes}`), ...extra]);
    expect(r.code).toBe(1);
    texts.push(r.stdout, r.stderr, readFileSync(tmp.path(`${name}.out`), 'utf8'), readFileSync(tmp.path(`${name}.${changes}`), 'utf8'));
  }
  return texts.join('\n');
}

describe('ddss compare masks a person\'s value in a column that is not personal', () => {
  it(`masks ${STRAY.map(([what]) => what).join(', ')} in text, JSON, Markdown, HTML and --changes`, async () => {
    const all = await outputs([]);
    for (const s of SENTINELS) expect([s, all.includes(s)]).toEqual([s, false]);
    // The other cells of the column are no one's: shown.
    expect(all).toContain('"ok"');
  });

  it('shows them with --show-values', async () => {
    const all = await outputs(['--show-values']);
    for (const s of SENTINELS) expect([s, all.includes(s)]).toEqual([s, true]);
  });
});
