/** The `ddss` executable: runs the command line on the real process and sets its exit code. */
import { statSync } from 'node:fs';
import { run } from './run.js';
import { processIo, stdoutFailed } from './_io.js';
import { removePendingOutputs } from './_pending-outputs.js';
import { interrupt, interruptedLine, localeOf } from './_interrupt.js';
import { EXIT } from './_errors.js';
import { waitingOnPipe } from '../sources/file-chunks.js';
import { terminalLines } from '../outputs/_escape.js';

// Interrupted (Ctrl-C, a scheduler's SIGTERM, SIGHUP from a closed terminal or SSH session): outputs are written to temporary files and renamed into place only
// when the run completes, so removing those leaves every target as it was. 128 + the signal's number, as shells do.
// Except while a pipe or device is being opened or read: `process.exit` waits for Node's thread pool, and a named
// pipe with no writer never returns, so the process stayed after saying it was interrupted. It then ends by the signal
// itself (`once` has removed the handler: the default action is back), which shells also show as 130 or 143.
// SIGHUP's default ended the process on the spot, leaving its temporary files (a partial violations file) behind.
// Otherwise the files being created or placed when the signal landed are waited for before they are removed, and
// the message says which outputs the run had placed (see `interrupt`).
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  process.once(signal, () => {
    if (waitingOnPipe() || namesPipe(process.argv.slice(2))) {
      removePendingOutputs();
      process.stderr.write(`${process.stderr.isTTY ? '\r\x1b[K' : ''}${interruptedLine(signal, [], localeOf(process.argv.slice(2)))}\n`);
      process.kill(process.pid, signal);
      process.exit(code);
    }
    interrupt(signal, code, {
      exit: (c) => process.exit(c), write: (t) => { process.stderr.write(t); }, isTTY: process.stderr.isTTY,
      locale: localeOf(process.argv.slice(2)),
      // Ended means delivered too: a report still waiting in stdout's buffer for a reader (a paused pipe) was cut short
      // by the interrupt, and its run's own exit code (1, "different") said nothing of that.
      ended: () => (finished && process.stdout.writableLength === 0 ? Number(process.exitCode ?? 0) : undefined),
    });
  });
}

/**
 * Whether an argument names a pipe or a device (`--baseline old.csv` made by mkfifo, a grades file): besides the
 * input, which `waitingOnPipe` follows, the open or read of such a file may be waiting for a writer, which no exit
 * can get past. `stat` never waits on it.
 */
function namesPipe(args: readonly string[]): boolean {
  return args.some((arg) => {
    const value = arg.startsWith('--') && arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : arg;
    try {
      const s = statSync(value);
      return !s.isFile() && !s.isDirectory();
    } catch {
      return false;
    }
  });
}

// A throw from a timer or a forgotten promise in a definition's code is not ddss's to recover: one line, exit 3.
const fatal = (e: unknown): void => {
  removePendingOutputs();
  const text = e instanceof Error ? e.message : String(e);
  // The message is a definition's words: shown escaped, as every other stderr line (see terminalLines).
  process.stderr.write(terminalLines(`ddss: the run failed outside any rule: ${text.split('\n')[0] ?? text}\n`));
  if ((process.env.DDSS_DEBUG ?? '') !== '' && e instanceof Error && e.stack !== undefined) process.stderr.write(`${e.stack}\n`);
  process.exit(EXIT.unevaluated);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

let finished = false;
// Node ends a process whose event loop has nothing left to do, with exit code 0, even while the run still awaits
// something that can no longer happen (a definition module whose top-level await never settles, a stream that will
// not emit again). That would be a silent success for a run that never finished: say so, and fail.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  removePendingOutputs();
  process.stderr.write('ddss: the run stopped before it finished: it was waiting for something that can no longer ' +
    'happen (a definition that never finishes loading, or a ddss bug); its unfinished outputs were removed\n');
  process.exitCode = EXIT.unevaluated;
});

// No top-level await: the CommonJS build of this entry must load too.
void run(process.argv.slice(2), processIo()).then((code) => {
  finished = true;
  // Every output is committed or discarded by now; a temporary file still there was left by a failure path.
  removePendingOutputs();
  // A report that could not be written to stdout was not delivered, whatever it said.
  process.exitCode = stdoutFailed() ? EXIT.unevaluated : code;
});
