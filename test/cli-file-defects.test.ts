import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

// Two defects users met validating real exports with `ddss validate FILE --dataset land-parcels`: a file cut short
// by a crash (full length, ending in zero bytes) read as one more failing row, and two exports joined with `cat`
// whose second header line failed types and formats in many columns as if it were a parcel.
const tmp = scratch();
afterAll(() => tmp.remove());
const land = readFileSync(resolve(import.meta.dirname, '..', 'examples/land/parcels.csv'));

interface Rule { id: string; status: string; checked: number; failed: number; violations: number; samples: { line?: number }[] }
interface JsonReport { status: string; partial: boolean; rows: number; rules: Rule[]; source: { records: number } }

function file(name: string, ...parts: Uint8Array[]): string {
  const path = tmp.path(name);
  writeFileSync(path, Buffer.concat(parts));
  return path;
}

async function validate(path: string, ...extra: string[]): Promise<{ code: number; report: JsonReport; stdout: string; stderr: string }> {
  const r = await cli(['validate', path, '--dataset', 'land-parcels', ...NOW, '--format', 'json', ...extra]);
  return { code: r.code, report: JSON.parse(r.stdout) as JsonReport, stdout: r.stdout, stderr: r.stderr };
}

const plainPath = file('parcels.csv', land);
const rule = (r: JsonReport, id: string): Rule | undefined => r.rules.find((x) => x.id === id);

describe('ddss validate on a file cut short or joined from two exports', () => {
  it('a crash-truncated export (4,096 zero bytes at its end): exit 1, one zero_filled_tail finding, every row as without the zeros', async () => {
    const plain = await validate(plainPath);
    const cut = await validate(file('cut.csv', land, new Uint8Array(4096)));
    expect(cut.code).toBe(1);
    expect(cut.report.status).toBe('failed');
    expect(cut.report.partial).toBe(false);
    expect(rule(cut.report, 'source.zero_filled_tail')).toMatchObject({ status: 'failed', checked: 1, failed: 1 });
    // Before: one more row, with a control character and 19 missing cells.
    expect(cut.report.rows).toBe(plain.report.rows);
    expect(rule(cut.report, 'source.control_character')).toBeUndefined();
    expect(rule(cut.report, 'source.missing_cell')).toEqual(rule(plain.report, 'source.missing_cell'));
    expect(cut.report.rules.filter((r) => r.id !== 'source.zero_filled_tail')).toEqual(plain.report.rules);
    // Said on stderr too: the finding is one rule of many, out of the summary's top ten.
    expect(cut.stderr).toBe(`ddss: the file ends in 4096 zero bytes from byte ${land.length}: it was probably cut short (a crash ` +
      'or an unfinished copy); the rows after that point are missing (source.zero_filled_tail)\n');
    expect(plain.stderr).toBe('');
  });

  it('two exports joined with cat: exit 1, the second header line is one repeated_header finding, not a row', async () => {
    const plain = await validate(plainPath);
    const joined = await validate(file('joined.csv', land, land));
    expect(joined.code).toBe(1);
    const repeated = rule(joined.report, 'source.repeated_header');
    expect(repeated).toMatchObject({ status: 'failed', failed: 1, violations: 1 });
    expect(repeated?.samples.map((s) => s.line)).toEqual([plain.report.source.records + 2]);
    expect(joined.report.rows).toBe(2 * plain.report.rows);
    expect(joined.report.source.records).toBe(2 * plain.report.source.records + 1);
    expect(joined.stderr).toBe(`ddss: 1 record repeats the header line (the first at line ${plain.report.source.records + 2}): files ` +
      'joined with their headers, not data; they were not evaluated (source.repeated_header)\n');
    // Row rules fail twice as often as in one export, never once more for the header line.
    for (const r of plain.report.rules.filter((x) => x.id.endsWith('.type') || x.id.endsWith('.pattern') || x.id.endsWith('.required'))) {
      expect([r.id, rule(joined.report, r.id)?.failed]).toEqual([r.id, 2 * r.failed]);
    }
  });

  /** Over 8 MiB of land rows without quotes, so that --workers 2 uses two threads (4 MiB each at least). */
  function bigLines(): string[] {
    const rows = land.toString('utf8').split('\n').filter((l) => l !== '' && !l.includes('"'));
    const lines = [...rows];
    while (lines.join('\n').length < 9 * 1024 * 1024) lines.push(...rows.slice(1));
    return lines;
  }

  // The quote opens in the second thread's range, some 2,000 lines (under the 1 MiB record cap) before the end.
  it('a quote left open before the end: exit 1, and stderr says the lines after it were not evaluated, with 1 or 2 workers', async () => {
    const lines = bigLines();
    const at = lines.length - 2000;
    lines.splice(at, 0, 'P-OPEN,"unclosed,1');
    const path = file('open-quote.csv', Buffer.from(`${lines.join('\n')}\n`));
    const runs = await Promise.all(['1', '2'].map((w) => validate(path, '--workers', w)));
    for (const r of runs) {
      expect(r.code).toBe(1);
      expect(r.report.rows).toBe(at - 1);
      expect(rule(r.report, 'source.unclosed_quote')?.failed).toBe(1);
      expect(r.stderr).toContain(`ddss: a quoted value opened on line ${at + 1} is not closed before the end of the input: the lines ` +
        'from there on were read as one value, not as records, and were not evaluated (source.unclosed_quote); close the quote in the file\n');
    }
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
  }, 120_000);

  // The quote opens in the first range and its value runs past the cap and the second range's guessed start: the read
  // cannot go on, and the run says so (exit 3), never a report of the rows before it as if they were the file.
  it('a quote left open in the first third: exit 3, the records after it cannot be found, with 1 or 2 workers alike', async () => {
    const lines = bigLines();
    const at = Math.floor(lines.length / 3);
    lines.splice(at, 0, 'P-OPEN,"unclosed,1');
    const path = file('open-quote-early.csv', Buffer.from(`${lines.join('\n')}\n`));
    const runs = await Promise.all(['1', '2'].map((w) => validate(path, '--workers', w)));
    for (const r of runs) {
      expect(r.code).toBe(3);
      expect(r.report.partial).toBe(true);
      expect(r.report.rows).toBe(at - 1);
      expect(r.stderr).toContain(`ddss: could not read the whole input: the record at line ${at + 1} is larger than 1048576 bytes and ` +
        'the input ends inside its quoted value, so the records after it cannot be found\n');
    }
    expect(runs[1]?.stdout).toBe(runs[0]?.stdout);
  }, 120_000);

  it('many exports joined, then cut short: --workers 1 and 2 and two shards merged give the same JSON', async () => {
    // Over 8 MiB, so that --workers 2 uses two threads.
    const big = file('big.csv', ...Array.from({ length: 22 }, () => land), new Uint8Array(70_000));
    const one = await validate(big, '--workers', '1');
    const two = await validate(big, '--workers', '2');
    expect(one.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(rule(one.report, 'source.repeated_header')?.failed).toBe(21);
    expect(rule(one.report, 'source.zero_filled_tail')?.failed).toBe(1);
    const timed = await cli(['validate', big, '--dataset', 'land-parcels', ...NOW, '--timings', '--workers', '2']);
    expect(/^Timings: .* · (\d+) threads?$/m.exec(timed.stdout)?.[1]).toBe('2');
    const states = [1, 2].map((k) => join(tmp.dir, `big-${k}.ddss-state`));
    for (const [k, state] of states.entries()) {
      const r = await cli(['validate', big, '--dataset', 'land-parcels', ...NOW, '--shard', `${k + 1}/2`, '--state-out', state]);
      expect(r.stderr).toBe('');
    }
    const merged = await cli(['merge', ...states, '--format', 'json']);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(1);
  }, 120_000);
});

// An export that writes a delimiter after its header's last name and none after the rows' last cells: every row is
// missing the blank column's cell. The findings stay; stderr says why Sufficient fell to 0%.
describe('ddss validate on a header line ending with a delimiter the rows do not have', () => {
  const text = land.toString('utf8');
  const lineEnd = text.indexOf('\n');
  const trailing = file('trailing.csv', Buffer.from(`${text.slice(0, lineEnd).replace(/\r$/, '')},${text.slice(lineEnd)}`));

  it('keeps the missing_cell findings and says on stderr what they are', async () => {
    const r = await validate(trailing);
    expect(rule(r.report, 'source.missing_cell')?.failed).toBe(r.report.rows);
    expect(r.stderr).toContain(`ddss: each of the ${r.report.rows} rows lacks a cell under a blank header (source.blank_header): the header line ` +
      'seems to end with a delimiter the rows do not have');
  });

  it('says nothing of it for rows that lack named cells', async () => {
    const rows = text.split('\n');
    const short = file('short.csv', Buffer.from([`${rows[0]},`, ...rows.slice(1, 4).map((l) => l.slice(0, l.lastIndexOf(',')))].join('\n')));
    const r = await validate(short);
    expect(rule(r.report, 'source.missing_cell')?.violations).toBe(2 * r.report.rows);
    expect(r.stderr).not.toContain('lacks a cell under a blank header');
  });
});
