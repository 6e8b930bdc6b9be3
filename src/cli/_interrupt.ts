import { terminalLines } from '../outputs/_escape.js';
import { interruptOutputs } from './_pending-outputs.js';

/** What the interrupt handler acts on: the real process in `main.ts`, a stand-in in tests. */
export interface InterruptHost {
  /** Ends the process (`process.exit`). */
  exit(code: number): void;
  /** Writes to stderr. */
  write(text: string): void;
  readonly isTTY: boolean;
  /** The run's exit code once it has ended and is only finishing, else undefined. */
  ended(): number | undefined;
}

/**
 * Ends an interrupted run (SIGINT, SIGTERM, SIGHUP; `code` is 128 + the signal's number): the files being created or
 * placed when the signal landed are waited for, then every temporary file is removed, and the message says which
 * outputs the run had already placed, if any. Before, a file whose open was under way in the thread pool was made
 * after the handler had removed what it knew (a 0-byte `.part` file left), and "no output was written" was said of a
 * run that had written them all. A run that had ended keeps its own exit code.
 * @example process.once('SIGINT', () => interrupt('SIGINT', 130, host));
 */
export function interrupt(signal: string, code: number, host: InterruptHost): void {
  const ended = host.ended();
  if (ended !== undefined) {
    host.exit(ended);
    return;
  }
  void interruptOutputs().then((written) => {
    host.write(terminalLines(`${host.isTTY ? '\r\u001b[K' : ''}ddss: interrupted (${signal}); ${interruptedWords(written)}\n`));
    host.exit(code);
  });
}

/** What an interrupted run leaves, in words: nothing, or the outputs it had placed before the signal. */
function interruptedWords(written: readonly string[]): string {
  if (written.length === 0) return 'no output was written or replaced';
  return `${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written before it; nothing else was written or replaced`;
}
