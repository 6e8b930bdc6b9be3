import { fileErrorText } from '../core/file-error-text.js';

/** Exit codes of DESIGN §7. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unevaluated: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error the user can fix; shown as one line `ddss: …` (never a stack trace), with its exit code. `vi` is the same
 * line in Vietnamese, shown instead when the command line says `--locale vi` (src/cli/run.ts): the errors users meet
 * most (a file that cannot be read, an output that exists, a dataset that is not found) have one.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;
  readonly vi: string | undefined;

  constructor(message: string, exitCode: ExitCode = EXIT.usage, vi?: string) {
    super(message);
    this.exitCode = exitCode;
    this.vi = vi;
  }
}

/** A usage error (exit 2): unknown flag, bad value, missing or bad definition, refusing to overwrite. */
export function usage(message: string, vi?: string): CliError {
  return new CliError(message, EXIT.usage, vi);
}

/**
 * The error of an input that cannot be read (exit 3), in the words of `fileErrorText`, in both languages.
 * @example cannotRead('nope.csv', enoent) // ddss: cannot read "nope.csv": file not found / không đọc được "nope.csv": không tìm thấy tệp
 */
export function cannotRead(given: string, e: unknown): CliError {
  return new CliError(`cannot read "${given}": ${fileErrorText(e)}`, EXIT.unevaluated,
    `không đọc được "${given}": ${fileErrorText(e, { locale: 'vi' })}`);
}

/**
 * An input file whose format its name does not tell (exit 2, "add --input-format"). Before that is said, the command
 * checks that the file is there and is a file (`inputsFirst`): "cannot tell the format of /data" sent the user looking
 * up --input-format for a directory, or a name typed wrong, that no format could have read.
 */
export class UnknownFormatError extends CliError {
  constructor(message: string, readonly input: string, vi?: string) {
    super(message, EXIT.usage, vi);
  }
}

/**
 * An error of the operating system (a full disk, a directory that does not exist): a POSIX code (`ENOSPC`) and the
 * call that failed. Such a run could not be completed (exit 3); it is no mistake in how it was asked for (exit 2).
 * @example isSystemError(Object.assign(new Error('no space'), { code: 'ENOSPC', syscall: 'write' })) // true
 */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  const x = e as Partial<NodeJS.ErrnoException> | null | undefined;
  return typeof x?.code === 'string' && /^E[A-Z0-9]+$/.test(x.code) && typeof x.syscall === 'string';
}
