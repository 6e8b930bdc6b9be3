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
  /** The language of the line said (the run's `--locale`; English when it has none). */
  readonly locale?: 'en' | 'vi';
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
    host.write(terminalLines(`${host.isTTY ? '\r\u001b[K' : ''}${interruptedLine(signal, written, host.locale ?? 'en')}\n`));
    host.exit(code);
  });
}

/**
 * The line an interrupted run ends with: the signal, and what it leaves — nothing, or the outputs it had placed
 * before the signal — in the run's language.
 * @example interruptedLine('SIGINT', [], 'vi') // 'ddss: đã dừng do bị ngắt (SIGINT); không có tệp kết quả nào được ghi hoặc thay thế'
 */
export function interruptedLine(signal: string, written: readonly string[], locale: 'en' | 'vi'): string {
  if (locale === 'vi') {
    return `ddss: đã dừng do bị ngắt (${signal}); ${written.length === 0 ? 'không có tệp kết quả nào được ghi hoặc thay thế'
      : `${written.join(', ')} đã được ghi trước đó; không có tệp nào khác được ghi hoặc thay thế`}`;
  }
  return `ddss: interrupted (${signal}); ${written.length === 0 ? 'no output was written or replaced'
    : `${written.join(', ')} ${written.length === 1 ? 'was' : 'were'} written before it; nothing else was written or replaced`}`;
}

/**
 * The language a command line asks for: its last `--locale` (`--locale vi`, `--locale=vi`; a repeated flag keeps the
 * last, as the parser does), English otherwise. Read from the words, not the parsed arguments, since a signal may
 * come before they are parsed.
 * @example localeOf(['validate', 'a.csv', '--locale', 'vi']) // 'vi'
 */
export function localeOf(args: readonly string[]): 'en' | 'vi' {
  let locale: 'en' | 'vi' = 'en';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') break;
    const value = a === '--locale' ? args[i + 1] : a.startsWith('--locale=') ? a.slice('--locale='.length) : undefined;
    if (value !== undefined) locale = value === 'vi' ? 'vi' : 'en';
  }
  return locale;
}
