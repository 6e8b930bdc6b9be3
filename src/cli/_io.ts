import type { Readable } from 'node:stream';
import { EXIT } from './_errors.js';

/** Where a command writes: stdout for results, stderr for errors and progress. */
export interface CliStream {
  write(text: string): void;
  /** Whether it is a terminal (progress and colour are shown only then). */
  readonly isTTY?: boolean;
}

/** Everything a command reads from or writes to its process, injected so commands run in tests without spawning. */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Directory relative paths are resolved from. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Standard input, for an input given as `-` (asked for only then). Default: the process's. */
  readonly stdin?: () => Readable;
  /** Milliseconds since some fixed point, for the progress line. Default `performance.now`. */
  readonly clock?: () => number;
}

let failed = false;

/** Whether the process's stdout failed (other than a closed pipe): the results were not delivered. */
export function stdoutFailed(): boolean {
  return failed;
}

/** The real process's streams, directory and environment. */
export function processIo(): CliIo {
  // A closed pipe (`ddss … | head`) is the reader's choice, not an error. Any other failure (a full disk, `> /dev/full`)
  // lost the results: one line on stderr and exit 3, even when the data passed.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || failed) return;
    failed = true;
    process.exitCode = EXIT.unevaluated;
    process.stderr.write(`ddss: cannot write to standard output: ${e.code ?? e.message}\n`);
  });
  // Nowhere is left to say that stderr failed.
  process.stderr.on('error', () => undefined);
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
    env: process.env,
    stdin: () => process.stdin,
  };
}
