import { randomBytes } from 'node:crypto';
import { cliPath } from './_cli-path.js';
import { link, lstat, mkdtemp, open, realpath, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { CliError, EXIT, usage } from './_errors.js';
import { isStdin } from './_stdin.js';
import { addPending, addPendingDir, creation, dropPending, dropPendingDir, notePlaced, wasInterrupted } from './_pending-outputs.js';

export { removePendingOutputs } from './_pending-outputs.js';

/** An output file named by a flag, resolved against the working directory. */
export interface OutputPath {
  readonly flag: string;
  /** As the user wrote it, for messages. */
  readonly given: string;
  readonly path: string;
  /** Written by appending in place (a history file), not placed by renaming: any kind of file will do. */
  readonly appended?: boolean;
  /** The command has no `--force` (fix: its outputs are data, never written over a file): refusals do not offer it. */
  readonly noForce?: boolean;
}

/**
 * Checks output files before any work is done, so a long run never ends in "cannot write": each must be new (or
 * `force`), in an existing directory, and distinct from the others and from the input. Distinct means by real path
 * and by device and inode: a symbolic or hard link to the input is the input, and `--force` never makes writing
 * over it right. `read` names the other files the run reads (the definition file, references, a baseline, shard
 * files): none of them may be written over either.
 */
export async function checkOutputs(outputs: readonly OutputPath[], input: string, force: boolean,
  read: readonly { readonly what: string; readonly path: string }[] = []): Promise<void> {
  const source = isStdin(input) ? undefined : await identify(input);
  const others = await Promise.all(read.map(async (r) => ({ ...r, id: await identify(r.path) })));
  const seen: Array<{ o: OutputPath; id: FileId }> = [];
  for (const o of outputs) {
    const dir = await stat(dirname(o.path)).catch(() => undefined);
    if (dir === undefined || !dir.isDirectory()) {
      throw usage(`--${o.flag}: directory of "${o.given}" does not exist`, `--${o.flag}: thư mục của "${o.given}" không tồn tại`);
    }
    const id = await identify(o.path);
    if (source !== undefined && sameFile(id, source)) {
      const link = resolve(o.path) !== resolve(input);
      throw usage(`--${o.flag} "${o.given}" is the input file${link ? ' (a link to it)' : ''}; refusing to write over it`,
        `--${o.flag} "${o.given}" là tệp đầu vào${link ? ' (một liên kết tới tệp đó)' : ''}; không ghi đè lên tệp đầu vào`);
    }
    const hit = others.find((r) => r.id.stats !== undefined && sameFile(id, r.id));
    if (hit !== undefined) throw readOver(o, hit.what);
    const other = seen.find((s) => sameFile(s.id, id));
    if (other !== undefined) {
      throw usage(`--${o.flag} and --${other.o.flag} name the same file "${o.given}"`, `--${o.flag} và --${other.o.flag} nêu cùng một tệp "${o.given}"`);
    }
    seen.push({ o, id });
    if (id.stats?.isDirectory() === true) throw usage(`--${o.flag} "${o.given}" is a directory`, `--${o.flag} "${o.given}" là một thư mục`);
    // lstat: a dangling symbolic link is an existing name too, which a new file would replace.
    const existing = await lstat(o.path).catch(() => undefined);
    if (existing !== undefined && !force) throw refuse(o);
    // An output is placed by renaming a finished file over its name: over a device (/dev/null), a named pipe or a
    // symbolic link that would replace the node itself, not write to it. `--force` replaces files, nothing else.
    if (existing !== undefined && !existing.isFile() && o.appended !== true) {
      throw usage(`--${o.flag} "${o.given}" is ${kindOf(existing)}, not a file: ddss writes its outputs as files and will ` +
        `not replace it (name a file${o.flag === 'out' ? ', or leave --out out to write to standard output' : ''})`);
    }
    await writable(o, existing);
  }
}

/**
 * Refuses (exit 2) an output that is one of the files in `read`, compared as {@link checkOutputs} compares them (real
 * path, device and inode, so links count): for the files known only once something has been read — the bases and
 * commune lists a definition's loading read, which `--out base.yaml --force` replaced with the report. Called after
 * the definition is loaded and still before any row is read.
 * @example await refuseReadFiles([out], [{ what: 'a base of the definition (extends)', path: '/data/base.yaml' }]);
 */
export async function refuseReadFiles(outputs: readonly OutputPath[], read: readonly { readonly what: string; readonly path: string }[]): Promise<void> {
  if (outputs.length === 0 || read.length === 0) return;
  const others = await Promise.all(read.map(async (r) => ({ ...r, id: await identify(r.path) })));
  for (const o of outputs) {
    const id = await identify(o.path);
    const hit = others.find((r) => r.id.stats !== undefined && sameFile(id, r.id));
    if (hit !== undefined) throw readOver(o, hit.what);
  }
}

/** The error for an output that is a file the run reads, which `--force` does not make right. */
function readOver(o: OutputPath, what: string): CliError {
  return usage(`--${o.flag} "${o.given}" is ${what}, which this run reads; refusing to write over it`);
}

/**
 * Fails now (exit 3), not after a long run, when an output cannot be created where it goes: a directory that is not
 * writable, a read-only file system, a history file that cannot be appended to. A file is created and removed to
 * know: permissions alone do not say it (root writes anywhere they allow, but not on a read-only file system).
 */
async function writable(o: OutputPath, existing: Stats | undefined): Promise<void> {
  try {
    // Appended in place: only a regular file is opened (a named pipe given as a history would wait for a reader).
    if (o.appended === true && existing !== undefined) {
      if (existing.isFile()) await (await open(o.path, 'a')).close();
      return;
    }
    const probe = temporaryPath(o);
    try {
      // Tracked: an interrupt landing before the open completes waits for it, then removes the file it made.
      await (await creation(() => open(probe, 'wx'))).close();
    } finally {
      await discardOutput(probe);
    }
  } catch (e) {
    throw cannotWrite(o, e);
  }
}

/**
 * A new output's temporary file, beside its target so that committing it is a rename within one directory. It is
 * registered until committed or discarded, so an interrupted run removes it (`removePendingOutputs`).
 */
export function temporaryPath(o: OutputPath): string {
  const temp = join(dirname(o.path), `.${basename(o.path)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  addPending(temp);
  return temp;
}

/**
 * Puts a finished temporary file in place of its target. Without `force` it links the file under the target's name,
 * which fails if the target appeared meanwhile (exit 2, nothing overwritten); with `force` it renames it over the
 * target, so readers see the old file or the new one, never a partial one.
 */
export async function commitOutput(o: OutputPath, temp: string, force: boolean): Promise<void> {
  try {
    await creation(() => (force ? rename(temp, o.path) : linkNew(temp, o.path)));
  } catch (e) {
    await discardOutput(temp);
    throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? refuse(o) : cannotWrite(o, e);
  }
  notePlaced(o.given);
  // Still pending until unlinked: an interrupt now removes the temporary name, never the placed file.
  if (!force) await unlink(temp).catch(() => undefined);
  dropPending(temp);
}

/**
 * Commits like {@link commitOutput} and returns how to take the placed file back, for a run whose other outputs could
 * not be placed: a new name this run linked (no `force`) is removed while it is still the file placed; a file put
 * over an old one with `force` cannot be given back (the old one is gone), so nothing is done for it.
 * @example const withdraw = await placeOutput(o, temp, false); … await withdraw();
 */
export async function placeOutput(o: OutputPath, temp: string, force: boolean): Promise<() => Promise<void>> {
  const placed = force ? undefined : await stat(temp).catch(() => undefined);
  await commitOutput(o, temp, force);
  return async () => {
    const now = placed === undefined ? undefined : await lstat(o.path).catch(() => undefined);
    // Interrupted: the file stays, and the interrupt's message names it as written.
    if (wasInterrupted()) return;
    if (now !== undefined && now.dev === placed?.dev && now.ino === placed.ino) await unlink(o.path).catch(() => undefined);
  };
}

/** Removes a temporary file that will not be committed. */
export async function discardOutput(temp: string): Promise<void> {
  dropPending(temp);
  await unlink(temp).catch(() => undefined);
}

/**
 * A private directory in the system's temporary directory for the length of a run (a suggested definition): an
 * interrupted run removes it with its outputs (`removePendingOutputs`), where a `finally` would not run.
 * @example const dir = await temporaryDir('ddss-suggested-'); try { … dir.path … } finally { await dir.remove(); }
 */
export async function temporaryDir(prefix: string): Promise<{ readonly path: string; remove(): Promise<void> }> {
  const path = await creation(() => mkdtemp(join(tmpdir(), prefix)));
  addPendingDir(path);
  return {
    path,
    async remove() {
      await rm(path, { recursive: true, force: true });
      dropPendingDir(path);
    },
  };
}

/** Writes a whole output: a temporary file first, committed once complete. */
export async function writeOutput(o: OutputPath, text: string | Uint8Array, force: boolean): Promise<void> {
  await (await stageOutput(o, text, force)).commit();
}

/**
 * A whole output written to its temporary file now and placed later, with others (`commitAll`): a shard's state is
 * placed together with the violations and graded records it names.
 * @example await commitAll([await stageOutput(state, bytes, force), violations]);
 */
export async function stageOutput(o: OutputPath, bytes: string | Uint8Array, force: boolean): Promise<{
  close(): Promise<void>; commit(): Promise<void>; discard(): Promise<void>; withdraw(): Promise<void>;
}> {
  const temp = temporaryPath(o);
  try {
    await creation(() => writeFile(temp, bytes, { flag: 'wx' }));
  } catch (e) {
    await discardOutput(temp);
    throw cannotWrite(o, e);
  }
  let withdraw = (): Promise<void> => Promise.resolve();
  return {
    close: () => Promise.resolve(),
    commit: async () => { withdraw = await placeOutput(o, temp, force); },
    discard: () => discardOutput(temp),
    withdraw: () => withdraw(),
  };
}

/** The error for an existing output file without `--force`. */
export function refuse(o: OutputPath): CliError {
  return usage(`refusing to overwrite existing "${o.given}" (--${o.flag}); ${o.noForce === true
    ? 'name a file that does not exist (this command never replaces one)' : 'use --force to replace it'}`,
  `không ghi đè tệp đã có "${o.given}" (--${o.flag}); ${o.noForce === true
    ? 'hãy nêu tên một tệp chưa có (lệnh này không bao giờ thay thế tệp)' : 'dùng --force để thay thế tệp đó'}`);
}

/** The error for an output that cannot be written (exit 3: the run happened, its result could not be kept). */
export function cannotWrite(o: OutputPath, e: unknown): CliError {
  return new CliError(`cannot write "${o.given}": ${(e as Error).message}`, EXIT.unevaluated, `không ghi được "${o.given}": ${(e as Error).message}`);
}

/**
 * An output path resolved against `cwd`. `-` is refused: it names standard input for an input, so `--out -` and
 * `--history -` wrote files named "-" that nobody asked for.
 */
export function outputPath(flag: string, given: string, cwd: string): OutputPath {
  if (isStdin(given)) {
    throw usage(`--${flag} - : ddss writes --${flag} to a file${flag === 'out' ? '; leave --out out to write to standard output' : ''}`);
  }
  return { flag, given, path: cliPath(cwd, given) };
}

/** An output appended to in place (`--history`), resolved against `cwd`. */
export function appendedPath(flag: string, given: string, cwd: string): OutputPath {
  return { ...outputPath(flag, given, cwd), appended: true };
}

/** What a name that is not a regular file is, for messages. */
function kindOf(s: Stats): string {
  if (s.isSymbolicLink()) return 'a symbolic link';
  if (s.isFIFO()) return 'a named pipe';
  if (s.isCharacterDevice() || s.isBlockDevice()) return 'a device';
  if (s.isSocket()) return 'a socket';
  return 'a special file';
}

interface FileId {
  /** The path with every symbolic link resolved (the directory's, for a file that does not exist yet). */
  readonly real: string;
  readonly stats: Stats | undefined;
}

async function identify(path: string): Promise<FileId> {
  const stats = await stat(path).catch(() => undefined);
  const real = await realpath(path).catch(async () =>
    join(await realpath(dirname(path)).catch(() => dirname(path)), basename(path)));
  return { real, stats };
}

function sameFile(a: FileId, b: FileId): boolean {
  if (a.real === b.real) return true;
  return a.stats !== undefined && b.stats !== undefined && a.stats.dev === b.stats.dev && a.stats.ino === b.stats.ino;
}

/** A hard link under a new name; where the file system has none, a rename after checking the name is free. */
async function linkNew(temp: string, target: string): Promise<void> {
  try {
    await link(temp, target);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw e;
    if (await lstat(target).then(() => true, () => false)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(temp, target);
  }
}
