import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as fsp from 'node:fs/promises';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cli, FIXTURES, NOW, scratch } from './fixtures/cli/harness.js';

type FsPromises = typeof fsp;

// One output's stream fails as on a full disk (ENOSPC); every other file is opened as usual. A file of its own: the
// mock would otherwise reach the other command-line tests.
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<FsPromises>();
  return { ...real, open: vi.fn(real.open) };
});

let tmp: ReturnType<typeof scratch>;
beforeEach(() => { tmp = scratch(); });
afterEach(() => {
  tmp.remove();
  vi.mocked(fsp.open).mockReset();
});

/**
 * A write stream that fails at its first write, as a file stream does when the disk is full (and then closes): the
 * failure comes later, as a file stream's does once its write returns from the disk.
 */
function fullDisk(): Writable {
  return new Writable({
    write(_chunk, _encoding, done) {
      setImmediate(() => done(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })));
    },
  });
}

/** Makes the stream of the temporary file of the output named `name` fail at its first write. */
async function failWrites(name: string): Promise<void> {
  const real = await vi.importActual<FsPromises>('node:fs/promises');
  vi.mocked(fsp.open).mockImplementation(async (path, flags, mode) => {
    const handle = await real.open(path, flags, mode);
    // Outputs are written to a temporary file created beside the target with 'wx'.
    if (flags === 'wx' && String(path).includes(name)) handle.createWriteStream = () => fullDisk() as never;
    return handle;
  });
}

describe('ddss on a full disk', () => {
  it('fix says it cannot write the fixed file (exit 3) and leaves no file behind, its log included', async () => {
    await failWrites('fixed.csv');
    const r = await cli(['fix', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--out', tmp.path('fixed.csv'),
      '--log', tmp.path('changes.csv')]);
    // Before: the run waited for the failed stream to close, which it had already done; with nothing else pending
    // the process ended with exit code 0, printed nothing and left the temporary files.
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: cannot write ".*fixed\.csv": ENOSPC: no space left on device/);
    expect(r.stdout).toBe('');
    expect(readdirSync(tmp.dir)).toEqual([]);
    expect(readFileSync(`${FIXTURES}/parcels.csv`, 'utf8')).toContain('Canary ,'); // the input is untouched
  });

  it('validate with --violations and --grades: neither file, nor a temporary one, when one cannot be written', async () => {
    await failWrites('v.csv');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--violations', tmp.path('v.csv'),
      '--grades', tmp.path('g.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: cannot write ".*v\.csv": ENOSPC: no space left on device/);
    // Before: the grades file's temporary file was left behind (its commit was never reached).
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('validate: when the second output cannot be written, the first is not put in place either', async () => {
    await failWrites('g.csv');
    const r = await cli(['validate', 'parcels.csv', '--dataset', 'parcels.yaml', ...NOW, '--violations', tmp.path('v.csv'),
      '--grades', tmp.path('g.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^ddss: cannot write ".*g\.csv": ENOSPC/);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });

  it('merge names the joined violations file it cannot write, not the shard file it was reading', async () => {
    const land = join(resolve(import.meta.dirname, '..'), 'examples/land/parcels.csv');
    const states: string[] = [];
    for (const k of [1, 2]) {
      states.push(tmp.path(`part-${k}.ddss-state`));
      const r = await cli(['validate', land, '--dataset', 'land-parcels', ...NOW, '--shard', `${k}/2`, '--state-out',
        tmp.path(`part-${k}.ddss-state`), '--violations', tmp.path(`part-${k}.ndjson`)]);
      expect(r.code).toBe(0);
    }
    await failWrites('joined.ndjson');
    const r = await cli(['merge', ...states, '--violations', tmp.path('joined.ndjson')]);
    expect(r.code).toBe(3);
    // Before: "part-1.ndjson: cannot read (ENOSPC: no space left on device, write)", blaming the shard's file.
    expect(r.stderr).toMatch(/^ddss: cannot write ".*joined\.ndjson": ENOSPC: no space left on device/);
    expect(readdirSync(tmp.dir).sort()).toEqual(['part-1.ddss-state', 'part-1.ndjson', 'part-2.ddss-state', 'part-2.ndjson']);
  });
});
