/** Exit codes of DESIGN §7. */
export const EXIT = { ok: 0, failed: 1, usage: 2, unevaluated: 3 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix; shown as one line `ddss: …` (never a stack trace), with its exit code. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(message: string, exitCode: ExitCode = EXIT.usage) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** A usage error (exit 2): unknown flag, bad value, missing or bad definition, refusing to overwrite. */
export function usage(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
