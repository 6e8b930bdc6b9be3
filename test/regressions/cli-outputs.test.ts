import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, linkSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { cli, FIXTURES, scratch } from '../fixtures/cli/harness.js';

const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = scratch();
afterAll(() => tmp.remove());

const input = tmp.path('parcels.csv');
copyFileSync(join(FIXTURES, 'parcels.csv'), input);
const original = readFileSync(input, 'utf8');
symlinkSync(input, tmp.path('soft.csv'));
linkSync(input, tmp.path('hard.csv'));
symlinkSync(tmp.dir, tmp.path('again'));
// --out is named .txt (a .csv --out is refused for its name, with --format too): the same links under that name.
symlinkSync(input, tmp.path('soft.txt'));
linkSync(input, tmp.path('hard.txt'));
linkSync(input, tmp.path('parcels.txt'));

/** The files beside the outputs that are not the fixtures: temporary files left behind would show here. */
const leftovers = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.part'));

describe('an output never aliases the input (item 1)', () => {
  it.each([
    ['a symbolic link to it', 'soft'],
    ['a hard link to it', 'hard'],
    ['its path through a linked directory', 'again/parcels'],
  ])('refuses --out and --violations that are %s, even with --force (exit 2), and the input is intact', async (_, alias) => {
    for (const [flag, ext] of [['--out', '.txt'], ['--violations', '.csv']] as const) {
      const r = await cli(['validate', input, '--dataset', 'parcels.yaml', '--format', 'json', flag, tmp.path(`${alias}${ext}`), '--force']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`^ddss: ${flag} ".*" is the input file \\(a link to it\\); refusing to write over it\\n$`));
      expect(readFileSync(input, 'utf8')).toBe(original);
    }
  });

  it('refuses two outputs that are one file through a link', async () => {
    writeFileSync(tmp.path('report.txt'), 'old');
    symlinkSync(tmp.path('report.txt'), tmp.path('same.csv'));
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', '--format', 'json',
      '--out', tmp.path('report.txt'), '--violations', tmp.path('same.csv'), '--force']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--violations and --out name the same file/);
    expect(readFileSync(tmp.path('report.txt'), 'utf8')).toBe('old');
  });
});

describe('a path with ".." is the file the system names (as cat reads it), not the text with "dir/.." removed', () => {
  it('reads the input and writes --out beyond a linked directory, as the shell would', async () => {
    const dir = tmp.path('dotdot');
    mkdirSync(join(dir, 'exports', '2026'), { recursive: true });
    copyFileSync(input, join(dir, 'exports', 'parcels.csv'));
    // What Node's resolve() made of "latest/../parcels.csv": another file, here a one-record decoy.
    writeFileSync(join(dir, 'parcels.csv'), `${original.split('\n')[0]}\nP-999,001099012345,An,1,01/01/2020\n`);
    symlinkSync(join(dir, 'exports', '2026'), join(dir, 'latest'));
    // Written out: join() would remove "latest/.." itself.
    const r = await cli(['validate', `${dir}/latest/../parcels.csv`, '--dataset', 'parcels.yaml', '--now', '2026-11-22',
      '--format', 'json', '--out', `${dir}/latest/../report.json`]);
    expect(r.code).toBe(1);
    const report = JSON.parse(readFileSync(join(dir, 'exports', 'report.json'), 'utf8')) as { rows: number };
    // Before: the decoy was validated (1 row) and the report written beside it.
    expect(report.rows).toBe(original.trimEnd().split('\n').length - 1);
    expect(existsSync(join(dir, 'report.json'))).toBe(false);
    // The input named with a "..": the input itself, not "a link to it" (named .txt, read as CSV: a .csv --out is
    // refused for its name first).
    copyFileSync(input, join(dir, 'exports', 'parcels.txt'));
    const same = await cli(['validate', join(dir, 'exports', 'parcels.txt'), '--dataset', 'parcels.yaml', '--format', 'json',
      '--out', `${dir}/exports/2026/../parcels.txt`, '--force']);
    expect(same.code).toBe(2);
    expect(same.stderr).toBe(`ddss: --out "${dir}/exports/2026/../parcels.txt" is the input file; refusing to write over it\n`);
  });
});

describe('outputs appear whole or not at all (item 2)', () => {
  it('a completed run replaces the old files (--force) and leaves no temporary file', async () => {
    const dir = tmp.path('done');
    mkdirSync(dir);
    writeFileSync(join(dir, 'v.csv'), 'old');
    writeFileSync(join(dir, 'r.json'), 'old');
    const r = await cli(['validate', input, '--dataset', 'parcels.yaml', '--format', 'json', '--now', '2026-11-22',
      '--out', join(dir, 'r.json'), '--violations', join(dir, 'v.csv'), '--force']);
    expect(r.code).toBe(1);
    expect(readFileSync(join(dir, 'v.csv'), 'utf8')).toMatch(/^\uFEFFrule,criterion,/);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8'))).toMatchObject({ status: 'failed' });
    expect(leftovers(dir)).toEqual([]);
  });

  // The definition module creates DDSS_FIXTURE_APPEARS while it loads, after the outputs were checked: a name taken
  // during the run. A copy per case, each loaded afresh.
  it.each([
    ['the report (--out)', 'r.json', ['v.csv', 'g.ndjson']],
    ['the violations file', 'v.csv', ['r.json', 'g.ndjson']],
    ['the grades file', 'g.ndjson', ['r.json', 'v.csv']],
  ])('%s cannot be placed (its name was taken during the run): exit 2, and no other output is left without it', async (_, taken, others) => {
    const dir = tmp.path(`taken-${taken}`);
    mkdirSync(dir);
    const definition = join(dir, 'appears.def.ts');
    copyFileSync(join(FIXTURES, 'appears.def.ts'), definition);
    process.env.DDSS_FIXTURE_APPEARS = join(dir, taken);
    let r;
    try {
      r = await cli(['validate', input, '--dataset', definition, '--format', 'json', '--now', '2026-11-22',
        '--out', join(dir, 'r.json'), '--violations', join(dir, 'v.csv'), '--grades', join(dir, 'g.ndjson'), '--grades-all']);
    } finally {
      delete process.env.DDSS_FIXTURE_APPEARS;
    }
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^ddss: refusing to overwrite existing ".*"/);
    expect(readFileSync(join(dir, taken), 'utf8')).toBe('written by someone else\n');
    // Before: the violations and grades files were placed first, then the report was refused, and they stayed.
    for (const other of others) expect(existsSync(join(dir, other))).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  // /proc takes no new file, even from root (a read-only directory would not stop root): the output cannot be written.
  it.skipIf(process.platform !== 'linux').each([['--out', '/proc/ddss-report.json'], ['--history', '/proc/ddss-history.ndjson']])(
    '%s where no file can be created: exit 3 before the definition is even loaded, not after the whole run', async (flag, path) => {
      const dir = tmp.path(`unwritable${flag}`);
      mkdirSync(dir);
      const definition = join(dir, 'appears.def.ts');
      copyFileSync(join(FIXTURES, 'appears.def.ts'), definition);
      // The definition module writes this file when it is loaded: the run started.
      process.env.DDSS_FIXTURE_APPEARS = join(dir, 'loaded.txt');
      let r;
      try {
        r = await cli(['validate', input, '--dataset', definition, '--now', '2026-11-22', flag, path]);
      } finally {
        delete process.env.DDSS_FIXTURE_APPEARS;
      }
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`^ddss: cannot write "${path}": ENOENT: .*\n$`));
      // Before: the whole run was made, its summary printed, and only then did writing the output fail.
      expect(existsSync(join(dir, 'loaded.txt'))).toBe(false);
      expect(r.stdout).toBe('');
    });

  // A run of some seconds: the file is the fixture's rows many times over.
  const big = tmp.path('big.csv');
  const [header, ...rows] = original.trimEnd().split('\n');
  writeFileSync(big, `${header}\n${Array.from({ length: 60_000 }, () => rows.join('\n')).join('\n')}\n`);

  // SIGHUP: a terminal or SSH session closed under a long run. Before, it ended the process by default, and the
  // temporary violations file stayed beside the target.
  // Under --locale vi the line is Vietnamese, as every other line of the run (it was the one English line left).
  it.each([['SIGTERM', 143, 'en'], ['SIGINT', 130, 'en'], ['SIGHUP', 129, 'en'], ['SIGINT', 130, 'vi']] as const)('%s mid-run: exit %i, one line (%s), the old file untouched, no partial file', async (signal, code, locale) => {
    const dir = tmp.path(`int-${signal}-${locale}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'v.csv'), 'old violations\n');
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'validate', big, '--dataset', join(FIXTURES, 'parcels.yaml'),
      '--violations', join(dir, 'v.csv'), '--force', '--workers', '1', '--locale', locale], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Interrupt once the run is writing violations (its temporary file holds some), or give up after 30 s. An empty
    // `.part` may be the probe that checks at the start that the directory is writable, removed at once: waiting for
    // any `.part` caught that probe once, and the file was gone when counted.
    const writing = () => leftovers(dir).some((f) => (statSync(join(dir, f), { throwIfNoEntry: false })?.size ?? 0) > 0);
    const until = Date.now() + 30_000;
    while (!writing() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(leftovers(dir)).toHaveLength(1);
    child.kill(signal);
    expect(await exited).toBe(code);
    expect(stderr).toBe(locale === 'en' ? `ddss: interrupted (${signal}); no output was written or replaced\n`
      : `ddss: đã dừng do bị ngắt (${signal}); không có tệp kết quả nào được ghi hoặc thay thế\n`);
    expect(readFileSync(join(dir, 'v.csv'), 'utf8')).toBe('old violations\n');
    expect(leftovers(dir)).toEqual([]);
  }, 60_000);
});

describe('the executable never ends in a stack trace', () => {
  const ddss = (args: readonly string[], stdout: 'pipe' | number = 'pipe') => spawnSync(process.execPath,
    ['--import', 'tsx', MAIN, ...args], { cwd: FIXTURES, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' },
      timeout: 60_000, stdio: ['ignore', stdout, 'pipe'] });

  it('stdout that cannot be written (a full disk) is exit 3 with one line, though the data passed', () => {
    expect(existsSync('/dev/full')).toBe(true);
    const full = openSync('/dev/full', 'w');
    try {
      const r = ddss(['validate', 'parcels-ok.csv', '--dataset', 'parcels.yaml', '--now', '2026-11-22'], full);
      expect(r.stderr).toBe('ddss: cannot write to standard output: ENOSPC\n');
      expect(r.status).toBe(3);
    } finally {
      closeSync(full);
    }
  });

  it('a throw from a timer in a definition module is exit 3 with one line', () => {
    const r = ddss(['validate', 'parcels.csv', '--dataset', 'throws-later.def.ts', '--now', '2026-11-22']);
    expect(r.stderr).toBe('ddss: the run failed outside any rule: refresh failed\n');
    expect(r.status).toBe(3);
  });

  it('that line shows what the thrown message holds escaped, never a terminal escape', () => {
    const r = ddss(['validate', 'parcels.csv', '--dataset', 'throws-escape.def.ts', '--now', '2026-11-22']);
    expect(r.stderr).toBe('ddss: the run failed outside any rule: refresh \\u001b[2J\\u001b]52;c;ZXZpbA==\\u0007failed\n');
    expect(r.status).toBe(3);
  });
});
