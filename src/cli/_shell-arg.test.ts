import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { delimiterArg, shellArg } from './_shell-arg.js';
import { plainText } from '../outputs/_escape.js';

const VALUES = [
  'Số CCCD=owner_id', 'say "hi"=x', 'back\\slash', "it's", 'Owner ID\u202E=owner_id', 'a\u001b[2J\u200B=b',
  '$(touch PWNED)`touch PWNED`.csv', '$HOME', 'report!!.csv', 'a!b', 'tab\tcr\rlf\n=z',
];

/** What bash, reading `word` in a pasted line (history expansion on, a UTF-8 locale), passes to a command. */
function pastedInto(word: string, dir: string): string {
  const r = spawnSync('bash', ['-s'], { cwd: dir, encoding: 'utf8', input: `set -o history -H\nprintf %s ${word}\n`,
    env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

describe('shellArg', () => {
  it.each([
    ['Số CCCD=owner_id', '"Số CCCD=owner_id"'],
    ['say "hi"=x', '"say \\"hi\\"=x"'],
    ['Owner ID\u202E=owner_id', "$'Owner ID\\u202e=owner_id'"],
    ['a\u001b[2J\u200B=b', "$'a\\u001b[2J\\u200b=b'"],
    ["it's\\$HOME`x`=y", "$'it\\'s\\\\$HOME`x`=y'"],
    ['tab\tcr\rlf\n=z', "$'tab\\tcr\\rlf\\n=z'"],
    // In double quotes an interactive shell expands `!!` from its history: the last command, $(…) and all.
    ['report!!.csv', "$'report!!.csv'"],
  ])('writes %j as %s', (text, shown) => {
    expect(shellArg(text)).toBe(shown);
  });

  it('is read back by bash as the value it quotes, running nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-shell-arg-'));
    try {
      for (const v of VALUES) expect([v, pastedInto(shellArg(v), dir)]).toEqual([v, v]);
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each(VALUES)('shows %j on a terminal as it is: it holds nothing plainText escapes', (v) => {
    expect(plainText(shellArg(v))).toBe(shellArg(v));
  });
});

describe('delimiterArg', () => {
  it.each([[';', "';'"], ['\t', 'tab'], ['|', "'|'"], ['$', "'$'"], ["'", `"'"`], ['\u001b', "$'\\u001b'"]])('writes %j as %s', (d, shown) => {
    expect(delimiterArg(d)).toBe(shown);
  });

  it('is read back by bash as the delimiter', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ddss-shell-arg-'));
    try {
      for (const d of [';', '|', '$', '!', '`', "'", '"', '\\', '\u001b']) expect([d, pastedInto(delimiterArg(d), dir)]).toEqual([d, d]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
