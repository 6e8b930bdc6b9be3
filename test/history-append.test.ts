import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appendHistory, readHistory } from '../src/history/read-history.js';
import { historyEntry } from '../src/history/history-entry.js';
import { defineDataset, field, validate } from '../src/index.js';
import { scratch } from './fixtures/cli/harness.js';

type FsPromises = typeof fsp;

// The history file's writes can be made to fall short and then fail, as on a disk that fills up. A file of its own:
// the mock would otherwise reach other tests.
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

const def = defineDataset({ name: 'people', fields: { id: field.text().required() } });
const entry = async (n: number) => historyEntry(await validate(def, [{ id: `P${n}` }], { now: new Date('2026-11-22') }), { name: 'p.csv' });
const noSpace = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', syscall: 'write' });

/** The first write to `path` takes only `taken` bytes; the next fails (after `meanwhile`, another run's doing). */
async function fillingDisk(path: string, taken: number, meanwhile: () => void = () => undefined): Promise<void> {
  const real = await vi.importActual<FsPromises>('node:fs/promises');
  vi.mocked(fsp.open).mockImplementation(async (p, flags, mode) => {
    const handle = await real.open(p, flags, mode);
    if (String(p) !== path) return handle;
    let writes = 0;
    const write = handle.write.bind(handle) as (b: Uint8Array, o: number, l: number) => Promise<{ bytesWritten: number }>;
    handle.write = (async (buffer: Uint8Array, offset: number, length: number) => {
      if (writes++ === 0) return write(buffer, offset, Math.min(length, taken));
      meanwhile();
      throw noSpace();
    }) as never;
    return handle;
  });
}

describe('appendHistory on a disk that fills up', () => {
  it('takes back the part of the line it wrote: the history stays readable and the next run appends', async () => {
    const path = tmp.path('h.ndjson');
    await appendHistory(path, await entry(1));
    const before = readFileSync(path, 'utf8');
    await fillingDisk(path, 100);
    await expect(appendHistory(path, await entry(2))).rejects.toThrow(/^ENOSPC/);
    // Before: 100 bytes of the line stayed, and every later run refused the history ("line 2 is not a ddss history
    // entry").
    expect(readFileSync(path, 'utf8')).toBe(before);
    vi.mocked(fsp.open).mockReset();
    const real = await vi.importActual<FsPromises>('node:fs/promises');
    vi.mocked(fsp.open).mockImplementation(real.open);
    await appendHistory(path, await entry(3));
    expect((await readHistory(path, 'people')).length).toBe(2);
  });

  it('leaves the file alone, and says where its bytes are, when another run appended meanwhile', async () => {
    const path = tmp.path('h.ndjson');
    writeFileSync(path, '');
    await fillingDisk(path, 100, () => appendFileSync(path, 'another run\n'));
    await expect(appendHistory(path, await entry(1))).rejects.toThrow(
      `ENOSPC: no space left on device, write (another run appended meanwhile: ${path} keeps 100 bytes of this run's line at byte 0; remove them by hand)`);
    const text = readFileSync(path, 'utf8');
    expect(text).toHaveLength(100 + 'another run\n'.length);
    expect(text.endsWith('another run\n')).toBe(true);
  });
});

describe('appendHistory after a hand edit', () => {
  it('starts its line on a line of its own when the file does not end with a newline (an editor that drops it)', async () => {
    const path = tmp.path('h.ndjson');
    await appendHistory(path, await entry(1));
    await appendHistory(path, await entry(2));
    // Deleting the last line in an editor that saves without a final newline.
    writeFileSync(path, readFileSync(path, 'utf8').split('\n')[0] as string);
    await appendHistory(path, await entry(3));
    // Before: the run's line was glued to the last one ("…}{…}"), and every later run refused the history as damaged.
    const entries = await readHistory(path, 'people');
    expect(entries).toHaveLength(2);
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(3);
  });
});
