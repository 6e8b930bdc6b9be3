import { resolve } from 'node:path';
import { readHistory } from '../history/read-history.js';
import { historyTrend } from '../history/history-trend.js';
import { historyHtml, historyText } from '../outputs/history-report.js';
import { choice, parse, whole } from './_args.js';
import { EXIT, usage } from './_errors.js';
import { checkOutputs, outputPath, writeOutput } from './_files.js';
import type { CliIo } from './_io.js';
import { HISTORY_HELP } from './help.js';

/**
 * `ddss history FILE.ndjson [--dataset D] [--format text|json|html]`: the score trend per dataset and the rules that
 * moved most. Exit 0; 2 for a usage error, a missing or damaged history file.
 * @example await history(['history.ndjson', '--dataset', 'land-parcels', '--format', 'html', '--out', 'h.html'], io)
 */
export async function history(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    dataset: { type: 'string', short: 'd' },
    top: { type: 'string' },
    format: { type: 'string', short: 'f' },
    out: { type: 'string', short: 'o' },
    force: { type: 'boolean' },
    locale: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (v.help === true) {
    io.stdout.write(HISTORY_HELP);
    return EXIT.ok;
  }
  if (positionals.length !== 1) throw usage('history takes one history file (written by ddss validate --history x.ndjson)');
  const file = positionals[0] as string;
  const format = choice('format', v.format, ['text', 'json', 'html'] as const, 'text');
  const locale = choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  const top = whole('top', v.top, 1) ?? 10;
  if (v.out === '') throw usage('--out needs a file name');
  const path = resolve(io.cwd, file);
  const out = v.out === undefined ? undefined : outputPath('out', v.out, io.cwd);
  if (out !== undefined) await checkOutputs([out], path, v.force === true);
  const entries = await readHistory(path, v.dataset, Number.MAX_SAFE_INTEGER).catch((e: unknown) => {
    throw usage((e as Error).message.replace(/^ddss: /, ''));
  });
  if (entries.length === 0) {
    throw usage(v.dataset === undefined ? `history ${file} has no runs` : `history ${file} has no runs of dataset "${v.dataset}"`);
  }
  const trends = historyTrend(entries, top);
  const text = format === 'json' ? `${JSON.stringify({ kind: 'history', datasets: trends }, null, 2)}\n`
    : format === 'html' ? historyHtml(trends, locale) : historyText(trends, locale);
  if (out === undefined) io.stdout.write(text);
  else await writeOutput(out, text, v.force === true);
  return EXIT.ok;
}
