import { CliError, EXIT } from './_errors.js';
import { localeOf } from './_interrupt.js';
import type { CliIo } from './_io.js';
import { version } from '../core/version.js';
import { MAIN_HELP } from './help.js';
import { hideUrlPasswords } from './_postgres-args.js';
import { terminalLines } from '../outputs/_escape.js';

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

/**
 * Each command's module is loaded when it runs: `ddss --version` or `ddss validate` does not load what `compare`,
 * `profile` or `fix` need (measured: `ddss --version` 0.38 s → 0.12 s).
 */
const COMMANDS: ReadonlyMap<string, () => Promise<Command>> = new Map<string, () => Promise<Command>>([
  ['validate', async () => (await import('./validate.js')).validate],
  ['datasets', async () => (await import('./datasets.js')).datasets],
  ['refdata', async () => (await import('./refdata.js')).refdata],
  ['compare', async () => (await import('./compare.js')).compare],
  ['worklist', async () => (await import('./worklist.js')).worklist],
  ['history', async () => (await import('./history.js')).history],
  ['profile', async () => (await import('./profile.js')).profile],
  ['fix', async () => (await import('./fix.js')).fix],
  ['merge', async () => (await import('./merge.js')).merge],
]);

/**
 * Runs the `ddss` command line with injected streams and returns the exit code (DESIGN §7): 0 passed or warned,
 * 1 failed, 2 usage error, 3 could not evaluate. User errors are one line on stderr, never a stack trace.
 * @example const code = await run(['validate', 'parcels.csv', '--dataset', 'land-parcels'], processIo());
 */
export async function run(argv: readonly string[], given: CliIo): Promise<number> {
  // Messages and hints quote file names, header cells and values: whatever one forgets to escape, stderr shows
  // escaped rather than letting it drive the terminal. Stdout is left alone: it carries reports (JSON, HTML, CSV)
  // whose bytes must be as written, and the text outputs escape what they show.
  const io: CliIo = { ...given, stderr: { ...given.stderr, write: (t) => given.stderr.write(terminalLines(t)) } };
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h') {
      io.stdout.write(MAIN_HELP);
      return EXIT.ok;
    }
    if (name === '--version' || name === '-v' || name === '-V') {
      io.stdout.write(`${version()}\n`);
      return EXIT.ok;
    }
    if (name === 'help') return await _command(rest[0] ?? '--help', ['--help'], io);
    return await _command(name, rest, io);
  } catch (e) {
    // Messages quote arguments ("cannot read …"): a postgresql:// argument is never quoted with its password.
    if (e instanceof CliError) {
      const text = e.vi !== undefined && localeOf(argv) === 'vi' ? e.vi : e.message;
      io.stderr.write(hideUrlPasswords(`ddss: ${text}\n`, argv));
      return e.exitCode;
    }
    // A bug, not a user error: say so in one line; the stack only on request.
    const text = e instanceof Error ? e.message : String(e);
    io.stderr.write(hideUrlPasswords(`ddss: internal error: ${text.split('\n')[0] ?? text}\n`, argv));
    if ((io.env.DDSS_DEBUG ?? '') !== '' && e instanceof Error && e.stack !== undefined) io.stderr.write(`${e.stack}\n`);
    return EXIT.unevaluated;
  }
}

async function _command(name: string, argv: readonly string[], io: CliIo): Promise<number> {
  if (name === '--help') {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  const load = COMMANDS.get(name);
  if (load === undefined) {
    throw new CliError(name.startsWith('-')
      ? `unknown option "${name}" (see ddss --help)`
      : `unknown command "${name}"; commands: ${[...COMMANDS.keys()].join(', ')} (see ddss --help)`);
  }
  return (await load())(argv, io);
}
