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
  /** Milliseconds since some fixed point, for the progress line. Default `performance.now`. */
  readonly clock?: () => number;
}

/** The real process's streams, directory and environment. */
export function processIo(): CliIo {
  // A closed pipe (`ddss … | head`) is not an error worth a stack trace.
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return {
    stdout: { write: (t) => void process.stdout.write(t), isTTY: process.stdout.isTTY === true },
    stderr: { write: (t) => void process.stderr.write(t), isTTY: process.stderr.isTTY === true },
    cwd: process.cwd(),
    env: process.env,
  };
}
