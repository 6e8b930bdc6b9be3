import type { Readable } from 'node:stream';
import type { CliIo } from './_io.js';

/**
 * `-` as an input means standard input, the Unix habit: `psql -c "\copy parcels to stdout csv header" | ddss validate -
 * --dataset land-parcels`. It is read as a stream, once, in one thread, as CSV unless `--input-format` says otherwise;
 * commands that read their input twice refuse it.
 */
export const STDIN = '-';

/** What a report and every message call standard input. */
export const STDIN_NAME = 'stdin';

/**
 * Whether an input argument names standard input.
 * @example isStdin('-') // true
 */
export function isStdin(given: string): boolean {
  return given === STDIN;
}

/**
 * `io.stdin`, saying on stderr when it is a terminal that ddss is waiting for it: `ddss validate -` typed without a
 * pipe would otherwise look like a hang.
 * @example openInput(STDIN, '-', { …, stdin: stdinOf(io) })
 */
export function stdinOf(io: CliIo): (() => Readable) | undefined {
  const get = io.stdin;
  if (get === undefined) return undefined;
  return () => {
    const stream = get();
    if ((stream as Readable & { isTTY?: boolean }).isTTY === true) {
      io.stderr.write('ddss: reading the input from the terminal (standard input, "-"); end it with Ctrl-D ' +
        '(Ctrl-Z then Enter on Windows), or pipe a file into ddss\n');
    }
    return stream;
  };
}
