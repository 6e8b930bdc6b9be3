import * as fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cli, scratch } from './fixtures/cli/harness.js';

type Fs = typeof fs;

// Writes to the changes file can be made to fail or to fall short, as on a disk that fills up; every other file is
// written as usual. A file of its own: the mock would otherwise reach the other command-line tests.
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<Fs>();
  return { ...real, openSync: vi.fn(real.openSync), writeSync: vi.fn(real.writeSync) };
});

let tmp: ReturnType<typeof scratch>;
beforeEach(() => {
  tmp = scratch();
  // 400 differing records: a changes file of a few dozen kilobytes, written in several chunks.
  const rows = (f: (i: number) => string) => Array.from({ length: 400 }, (_, i) => f(i)).join('\n');
  fs.writeFileSync(tmp.path('source.csv'), `id,name\n${rows((i) => `${i},Nguyễn Văn ${'A'.repeat(200)}${i}`)}\n`);
  fs.writeFileSync(tmp.path('copy.csv'), `id,name\n${rows((i) => `${i},Trần Thị ${'B'.repeat(200)}${i}`)}\n`);
});
afterEach(() => {
  tmp.remove();
  vi.mocked(fs.openSync).mockReset();
  vi.mocked(fs.writeSync).mockReset();
});

/** Makes every write to files whose path contains `name` go through `write` (given the real writeSync). */
async function onWritesTo(name: string, write: (real: Fs['writeSync'], ...args: Parameters<Fs['writeSync']>) => number): Promise<void> {
  const real = await vi.importActual<Fs>('node:fs');
  const fds = new Set<number>();
  vi.mocked(fs.openSync).mockImplementation((path, ...rest) => {
    const fd = real.openSync(path, ...rest);
    if (String(path).includes(name)) fds.add(fd);
    return fd;
  });
  vi.mocked(fs.writeSync).mockImplementation(((fd: number, ...rest: unknown[]) => (fds.has(fd)
    ? write(real.writeSync, fd, ...(rest as [never]))
    : (real.writeSync as (...a: unknown[]) => number)(fd, ...rest))) as Fs['writeSync']);
}

const args = () => ['compare', tmp.path('source.csv'), tmp.path('copy.csv'), '--key', 'id', '--changes', tmp.path('c.ndjson')];

describe('ddss compare on a full disk', () => {
  it('says it cannot write the changes file (exit 3, not a usage error) and leaves no file behind', async () => {
    await onWritesTo('c.ndjson', () => {
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });
    });
    const r = await cli(args());
    // Before: "ddss: ENOSPC: no space left on device, write", exit 2, as if the command had been mistyped.
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: cannot write ".*c\.ndjson": ENOSPC: no space left on device, write\n$/);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['copy.csv', 'source.csv']);
  });

  it('writes every byte when the disk takes only part of a write (no difference lost)', async () => {
    const whole = await cli(args());
    expect(whole.code).toBe(1);
    const expected = fs.readFileSync(tmp.path('c.ndjson'), 'utf8');
    expect(expected.split('\n')).toHaveLength(401);
    fs.rmSync(tmp.path('c.ndjson'));
    // At most 1,000 bytes per write, as a filling disk takes what fits.
    await onWritesTo('c.ndjson', (real, fd, data, offset, length) => (typeof data === 'string'
      ? real(fd, Buffer.from(data).subarray(0, 1000))
      : real(fd, data as Uint8Array, offset as unknown as number, Math.min(length as unknown as number, 1000))));
    const r = await cli(args());
    expect(r.code).toBe(1);
    // Before: each chunk after its first 1,000 bytes was dropped without a word.
    expect(fs.readFileSync(tmp.path('c.ndjson'), 'utf8')).toBe(expected);
  });

  it('a comparison that cannot spill to temporary files is exit 3 (it could not be made), naming where it spills', async () => {
    // Keys large enough to pass the smallest --memory-budget (16 MB): both sides then go to temporary files.
    const rows = Array.from({ length: 60_000 }, (_, i) => `${'K'.repeat(100)}${i},Nguyễn ${i}`).join('\n');
    fs.writeFileSync(tmp.path('big.csv'), `id,name\n${rows}\n`);
    // Two files: one file given twice is said on stderr (compared with itself) before the spill.
    fs.copyFileSync(tmp.path('big.csv'), tmp.path('big-copy.csv'));
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp.path('no-such-dir');
    try {
      const r = await cli(['compare', tmp.path('big.csv'), tmp.path('big-copy.csv'), '--key', 'id', '--memory-budget', '16']);
      // Before: exit 2, a usage error, for a system failure.
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/^ddss: the comparison could not be completed: ENOENT: .*no-such-dir\/ddss-compare-/);
    } finally {
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
  });
});
