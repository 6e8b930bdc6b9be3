import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterAll, describe, expect, it, vi } from 'vitest';

/**
 * A process that has exited runs no more JavaScript, but a file system call already in Node's thread pool still
 * completes. Stood in for here: once `exit` is called, a delayed `open` still creates its file, and the caller never
 * hears back (its promise never settles), as after a real `process.exit`.
 */
const world = vi.hoisted(() => ({
  exited: false,
  delay: 0,
  opened: undefined as (() => void) | undefined,
}));

vi.mock('node:fs/promises', async (real) => {
  const fs = await real<typeof FsPromises>();
  const open = async (...args: Parameters<typeof fs.open>) => {
    world.opened?.();
    await new Promise((resolve) => { setTimeout(resolve, world.delay); });
    const handle = await fs.open(...args);
    return world.exited ? new Promise<never>(() => undefined) : handle;
  };
  return { ...fs, open, default: { ...fs, open } };
});

/** The modules afresh: an interrupt is for the life of a process (nothing is created or placed after it). */
async function fresh() {
  vi.resetModules();
  return { ...await import('./_files.js'), ...await import('./_interrupt.js') };
}

const dir = mkdtempSync(join(tmpdir(), 'ddss-interrupt-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Interrupts as the process would, and resolves with what was said and the exit code once it exits. */
function interrupted(interrupt: Awaited<ReturnType<typeof fresh>>['interrupt']): Promise<{ said: string; code: number }> {
  return new Promise((resolve) => {
    let said = '';
    interrupt('SIGINT', 130, {
      exit: (code) => { world.exited = true; resolve({ said, code }); },
      write: (t) => { said += t; }, isTTY: false, ended: () => undefined,
    });
  });
}

describe('an interrupt while an output is being created or after outputs were placed', () => {
  it('waits for the writability probe\'s open under way, then removes its file: no .part is left', async () => {
    const { checkOutputs, outputPath, interrupt } = await fresh();
    const input = join(dir, 'in.csv');
    writeFileSync(input, 'a\n1\n');
    world.delay = 150;
    const opening = new Promise<void>((resolve) => { world.opened = resolve; });
    // The probe of `--out m.json`: a file created and removed to know the directory is writable.
    void checkOutputs([outputPath('out', 'm.json', dir)], input, false).catch(() => undefined);
    await opening;
    // Before: the handler removed the files it knew (not this one yet) and exited at once; the open then created
    // `.m.json.<pid>-<hex>.part`, and nothing removed it.
    const { said, code } = await interrupted(interrupt);
    await new Promise((resolve) => { setTimeout(resolve, 300); });
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
    expect([said, code]).toEqual(['ddss: interrupted (SIGINT); no output was written or replaced\n', 130]);
  });
});

describe('an interrupt after an output was placed', () => {
  it('says the output was written, not that nothing was', async () => {
    const { outputPath, writeOutput, interrupt } = await fresh();
    world.exited = false;
    world.delay = 0;
    await writeOutput(outputPath('out', 'r.json', dir), '{}', false);
    // Before: "no output was written or replaced", of a run whose report was in place.
    const { said, code } = await interrupted(interrupt);
    expect([said, code]).toEqual(['ddss: interrupted (SIGINT); r.json was written before it; nothing else was written or replaced\n', 130]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});

// Under `--locale vi` every line of `ddss validate` was Vietnamese but the last one a Ctrl-C left.
describe('the interrupt line in the run\'s language', () => {
  it('reads the last --locale of the command line, before or after parsing', async () => {
    const { localeOf } = await fresh();
    expect(localeOf(['validate', 'a.csv', '--locale', 'vi'])).toBe('vi');
    expect(localeOf(['validate', 'a.csv', '--locale=vi'])).toBe('vi');
    expect(localeOf(['validate', 'a.csv', '--locale', 'vi', '--locale', 'en'])).toBe('en');
    expect(localeOf(['validate', 'a.csv'])).toBe('en');
    expect(localeOf(['validate', '--', '--locale', 'vi'])).toBe('en');
  });

  it('says what the run leaves in Vietnamese', async () => {
    const { interruptedLine } = await fresh();
    expect(interruptedLine('SIGINT', [], 'vi')).toBe('ddss: đã dừng do bị ngắt (SIGINT); không có tệp kết quả nào được ghi hoặc thay thế');
    expect(interruptedLine('SIGTERM', ['r.json'], 'vi'))
      .toBe('ddss: đã dừng do bị ngắt (SIGTERM); r.json đã được ghi trước đó; không có tệp nào khác được ghi hoặc thay thế');
    expect(interruptedLine('SIGINT', ['r.json', 'v.csv'], 'en'))
      .toBe('ddss: interrupted (SIGINT); r.json, v.csv were written before it; nothing else was written or replaced');
  });

  it('is said in the host\'s locale', async () => {
    const { interrupt } = await fresh();
    world.exited = false;
    world.delay = 0;
    const said = await new Promise<string>((resolve) => {
      let text = '';
      interrupt('SIGINT', 130, { exit: () => resolve(text), write: (t) => { text += t; }, isTTY: false, ended: () => undefined, locale: 'vi' });
    });
    expect(said).toBe('ddss: đã dừng do bị ngắt (SIGINT); không có tệp kết quả nào được ghi hoặc thay thế\n');
  });
});
