import { stat, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CliError, EXIT, usage } from './_errors.js';

/** An output file named by a flag, resolved against the working directory. */
export interface OutputPath {
  readonly flag: string;
  /** As the user wrote it, for messages. */
  readonly given: string;
  readonly path: string;
}

/**
 * Checks output files before any work is done, so a long run never ends in "cannot write": each must be new (or
 * `force`), in an existing directory, distinct from the others and from the input.
 */
export async function checkOutputs(outputs: readonly OutputPath[], input: string, force: boolean): Promise<void> {
  const seen = new Map<string, string>();
  for (const o of outputs) {
    if (o.path === input) throw usage(`--${o.flag} "${o.given}" is the input file; refusing to write over it`);
    const other = seen.get(o.path);
    if (other !== undefined) throw usage(`--${o.flag} and --${other} name the same file "${o.given}"`);
    seen.set(o.path, o.flag);
    const dir = await stat(dirname(o.path)).catch(() => undefined);
    if (dir === undefined || !dir.isDirectory()) throw usage(`--${o.flag}: directory of "${o.given}" does not exist`);
    const existing = await stat(o.path).catch(() => undefined);
    if (existing?.isDirectory() === true) throw usage(`--${o.flag} "${o.given}" is a directory`);
    if (existing !== undefined && !force) throw refuse(o);
  }
}

/** Writes a new file; without `force` it fails (exit 2) if the file appeared meanwhile, never overwriting it. */
export async function writeOutput(o: OutputPath, text: string, force: boolean): Promise<void> {
  try {
    await writeFile(o.path, text, { flag: force ? 'w' : 'wx' });
  } catch (e) {
    throw (e as NodeJS.ErrnoException).code === 'EEXIST' ? refuse(o) : new CliError(`cannot write "${o.given}": ${(e as Error).message}`, EXIT.unevaluated);
  }
}

/** The error for an existing output file without `--force`. */
export function refuse(o: OutputPath): CliError {
  return usage(`refusing to overwrite existing "${o.given}" (--${o.flag}); use --force to replace it`);
}

/** An output path resolved against `cwd`. */
export function outputPath(flag: string, given: string, cwd: string): OutputPath {
  return { flag, given, path: resolve(cwd, given) };
}
