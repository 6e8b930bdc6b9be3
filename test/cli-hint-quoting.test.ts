import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cli, NOW, scratch } from './fixtures/cli/harness.js';

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => tmp.remove());

const parcels = readFileSync(new URL('./fixtures/cli/parcels.csv', import.meta.url), 'utf8');
const TITLED = `DANH SÁCH THỬA ĐẤT — XÃ A,,\n"Ngày lập: 01/12/2026",,\n${parcels}`;
const HEADER = parcels.split('\n')[0] as string;

// A name a shell would run: command substitution, backticks, a history expansion (`!!`), and ESC and U+202E, which a
// terminal would act on. A file can be named so by whoever sent it.
const NAME = '$(touch PWNED)`touch PWNED2`!!x\u001b[2J\u202e';

/** A shell-quoted word, as a regular expression's source: `$'…'` or `"…"`. */
const QUOTED = `\\$'(?:[^'\\\\]|\\\\.)*'|"(?:[^"\\\\]|\\\\.)*"`;

/** The shell-quoted word of a hint after `before` (a regular expression's source). */
function wordAfter(text: string, before: string): string {
  const m = new RegExp(`${before}(${QUOTED})`).exec(text);
  expect(m, `no quoted word after /${before}/ in ${text}`).not.toBeNull();
  return (m as RegExpExecArray)[1] as string;
}

/**
 * Runs `script` as an interactive shell would a pasted line: bash with its history on (history expansion included), in
 * a UTF-8 locale (in which `$'\u202e'` is the character).
 * Returns standard output; the scratch directory must then hold only the files the command `makes`, nothing a
 * substitution in a name made.
 */
function pasted(script: string, makes: readonly string[] = []): string {
  const before = readdirSync(tmp.dir);
  const r = spawnSync('bash', ['-s'], { cwd: tmp.dir, encoding: 'utf8', input: `set -o history -H\n${script}\n`,
    env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  expect(r.status, r.stderr).toBe(0);
  expect(readdirSync(tmp.dir).sort()).toEqual([...before, ...makes].sort());
  expect(existsSync(tmp.path('PWNED'))).toBe(false);
  return r.stdout;
}

/** What a pasted word gives the shell back. */
const value = (word: string): string => pasted(`printf %s ${word}`);

// Before: the hints quoted file names in double quotes (`tail -n +3 "…"`) or not at all (`ddss profile …`), so pasted
// they ran the $(…) and backticks in a name, and `!!` pasted the previous command in.
describe('a hint quotes a file name so that, pasted into a shell, it is that name and runs nothing', () => {
  it('validate: the tail reading from the header below a title', async () => {
    const path = tmp.path(`${NAME}.csv`);
    writeFileSync(path, TITLED);
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml', ...NOW]);
    expect(r.stderr).toMatch(/read from there: tail -n \+3 \$'.*' \| ddss validate - …\n/);
    const word = wordAfter(r.stderr, 'tail -n \\+3 ');
    expect(value(word)).toBe(path);
    expect(pasted(`tail -n +3 ${word} | head -n 1`)).toBe(`${HEADER}\n`);
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(r.stderr).not.toMatch(/[\u001b\u202e]/);
  });

  it('profile, and validate without --dataset: the tail, and the ddss profile that saves the suggestion', async () => {
    const path = tmp.path(`${NAME}.csv`);
    writeFileSync(path, TITLED);
    const p = await cli(['profile', path]);
    expect(value(wordAfter(p.stderr, 'tail -n \\+3 '))).toBe(path);
    const v = await cli(['validate', path, ...NOW]);
    const save = wordAfter(v.stderr, 'save it with ddss profile ');
    expect(v.stderr).toContain(`save it with ddss profile ${save} --format yaml --out FILE\n`);
    expect(value(save)).toBe(path);
    expect(value(wordAfter(v.stderr, 'tail -n \\+3 '))).toBe(path);
  });

  it('compare: the tail of a copy with a title, and the zcat of a gzip copy, name both files', async () => {
    const source = tmp.path(`${NAME}a.csv`);
    writeFileSync(source, 'id,name\n1,An\n');
    const copy = tmp.path(`${NAME}b.csv`);
    writeFileSync(copy, '"DANH SÁCH THỬA ĐẤT"\n\nid,name\n1,An\n');
    const titled = await cli(['compare', source, copy, '--key', 'id']);
    expect(titled.code).toBe(2);
    expect(value(wordAfter(titled.stderr, 'tail -n \\+3 '))).toBe(copy);
    expect(value(wordAfter(titled.stderr, '\\| ddss compare '))).toBe(source);
    writeFileSync(copy, gzipSync('id,name\n1,An\n'));
    const gz = await cli(['compare', source, copy, '--key', 'id']);
    expect(gz.code).toBe(3);
    expect(value(wordAfter(gz.stderr, 'zcat '))).toBe(copy);
    expect(value(wordAfter(gz.stderr, `zcat (?:${QUOTED}) \\| ddss compare `))).toBe(source);
  });

  it('a compressed input: the gunzip that gives the file ddss reads', async () => {
    const path = tmp.path(`${NAME}.csv.gz`);
    writeFileSync(path, gzipSync(parcels));
    const r = await cli(['validate', path, '--dataset', 'parcels.yaml']);
    expect(r.code).toBe(2);
    const word = wordAfter(r.stderr, 'gunzip -k ');
    expect(value(word)).toBe(path);
    pasted(`gunzip -k ${word}`, [`${NAME}.csv`]);
    expect(readFileSync(tmp.path(`${NAME}.csv`), 'utf8')).toBe(parcels);
  });

  it('compare --pii: the column a misspelt flag meant, as a flag value', async () => {
    const column = '$(touch PWNED)name';
    const source = tmp.path('a.csv');
    writeFileSync(source, `id,${column}\n1,An\n`);
    const copy = tmp.path('b.csv');
    writeFileSync(copy, `id,${column}\n1,An\n`);
    const r = await cli(['compare', source, copy, '--key', 'id', '--pii', '$(touch PWNED)nam']);
    expect(r.code).toBe(2);
    expect(value(wordAfter(r.stderr, '--pii '))).toBe(column);
  });
});
