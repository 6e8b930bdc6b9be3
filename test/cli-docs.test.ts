import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { parseDefinition } from '../src/declarative/parse-definition.js';
import {
  DATASETS_HELP, FIX_HELP, HISTORY_HELP, MAIN_HELP, MERGE_HELP, PROFILE_HELP, REFDATA_HELP, VALIDATE_HELP, WORKLIST_HELP,
} from '../src/cli/help.js';
import { COMPARE_HELP } from '../src/cli/_compare-help.js';
import { cli } from './fixtures/cli/harness.js';
import type * as Args from '../src/cli/_args.js';

// The flags each command's parser accepts, recorded as `ddss <command> --help` parses its arguments.
const parsed = vi.hoisted(() => [] as string[][]);
vi.mock('../src/cli/_args.js', async (importOriginal) => {
  const actual = await importOriginal<typeof Args>();
  return {
    ...actual,
    parse: ((argv, options) => {
      parsed.push(Object.keys(options));
      return actual.parse(argv, options);
    }) as typeof actual.parse,
  };
});

const doc = readFileSync(new URL('../docs/cli.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const docs = readdirSync(new URL('../docs/', import.meta.url)).filter((f) => f.endsWith('.md'))
  .map((f) => [`docs/${f}`, readFileSync(new URL(`../docs/${f}`, import.meta.url), 'utf8')] as const);

const HELP: Readonly<Record<string, string>> = {
  validate: VALIDATE_HELP, compare: COMPARE_HELP, profile: PROFILE_HELP, worklist: WORKLIST_HELP, history: HISTORY_HELP,
  fix: FIX_HELP, merge: MERGE_HELP, datasets: DATASETS_HELP, refdata: REFDATA_HELP,
};
const commands = Object.keys(HELP);
const flagsOf = (text: string): string[] => [...new Set(text.match(/--[a-z][a-z0-9-]*/g) ?? [])];
/** The flags a help text lists as its own: its usage line and its option lines (not those its prose names). */
const listed = (help: string): string[] =>
  flagsOf(help.split('\n').filter((l) => /^(Usage:| {2,6}(-\w, )?--)/.test(l)).join('\n')).filter((f) => f !== '--help');
/** The section of docs/cli.md on one command, up to the next `## ` heading. */
const section = (command: string): string => doc.split(/^## /m).find((s) => s.startsWith(`\`ddss ${command}`)) ?? '';
/** Flags of the first cell of a section's table rows (`| \`--sheet S\` | …`). */
const tableFlags = (text: string): string[] => flagsOf(text.split('\n').filter((l) => l.startsWith('| `-'))
  .map((l) => l.split(' | ')[0] ?? '').join('\n')).filter((f) => f !== '--help');

async function parserFlags(command: string): Promise<string[]> {
  parsed.length = 0;
  const r = await cli(command === 'refdata' ? ['refdata', 'import', '--help'] : [command, '--help']);
  expect(r.code, r.stderr).toBe(0);
  expect(parsed.length, `ddss ${command} --help parsed no arguments`).toBeGreaterThan(0);
  return parsed.flat().filter((f) => f !== 'help').map((f) => `--${f}`);
}

describe('docs/cli.md', () => {
  it('its example YAML definition is valid', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const def = parseDefinition(yaml ?? '', { format: 'yaml', file: 'docs/cli.md' });
    expect(def.name).toBe('land-parcels-hanoi');
    expect(Object.keys(def.fields)).toHaveLength(10);
    expect(def.rules).toHaveLength(6);
  });

  it('documents every flag of ddss validate --help', () => {
    for (const flag of VALIDATE_HELP.match(/--[a-z-]+/g) ?? []) expect(doc).toContain(flag);
  });

  it.each(commands)('ddss %s --help lists exactly the flags its parser accepts', async (command) => {
    const accepted = await parserFlags(command);
    expect(listed(HELP[command] as string).filter((f) => !accepted.includes(f)), 'listed, not accepted').toEqual([]);
    expect(accepted.filter((f) => !listed(HELP[command] as string).includes(f)), 'accepted, not listed').toEqual([]);
  });

  it.each(commands)('the section on ddss %s names every flag its --help lists, and its table no other', async (command) => {
    const text = section(command);
    expect(text, `no section "## \`ddss ${command}\`"`).not.toBe('');
    expect(listed(HELP[command] as string).filter((f) => !text.includes(f))).toEqual([]);
    const accepted = await parserFlags(command);
    expect(tableFlags(text).filter((f) => !accepted.includes(f))).toEqual([]);
  });

  it('its synopsis is the one ddss --help prints', () => {
    const synopsis = /^```\n([\s\S]*?)```/m.exec(doc)?.[1] ?? '';
    const lines = synopsis.split('\n').filter((l) => l.startsWith('ddss '));
    expect(lines.length).toBeGreaterThanOrEqual(commands.length);
    expect(lines.filter((l) => !MAIN_HELP.includes(`  ${l}\n`))).toEqual([]);
  });
});

// Flags the README and docs name for tools other than ddss: the npm scripts they run (the sample generator, the
// benches), node itself, npm and GNU parallel.
const OTHER_TOOLS = ['--rows', '--seed', '--defects', '--no-manifest', '--memory', '--shards', '--max-old-space-size',
  '--halt', '--return', '--cleanup', '--trace-opt', '--trace-deopt', '--trace-gc', '--import', '--interrupt-budget',
  '--single-threaded', '--max-inlined-bytecode-size', '--v8-pool-size', '--strict-allow-scripts'];

describe('README and docs/*.md', () => {
  it('name no flag that no ddss command accepts', async () => {
    const all = new Set(['--help', '--version']);
    for (const command of commands) for (const flag of await parserFlags(command)) all.add(flag);
    const unknown = [['README.md', readme] as const, ...docs]
      .flatMap(([file, text]) => flagsOf(text).filter((f) => !all.has(f) && !OTHER_TOOLS.includes(f)).map((f) => `${file}: ${f}`));
    expect(unknown).toEqual([]);
  });
});
