import { readHistory } from '../history/read-history.js';
import type { HistoryEntry } from '../history/history-entry.js';
import { postgresHistoryName, readPostgresHistory } from '../history/postgres-history.js';
import { historyReadError, historyTarget, type HistoryTarget } from './_history.js';
import { historyTrend } from '../history/history-trend.js';
import { historyHtml, historyText } from '../outputs/history-report.js';
import { jsonText } from '../outputs/_escape.js';
import { choice, parse, whole, reportFormat } from './_args.js';
import { CliError, EXIT, usage } from './_errors.js';
import { checkOutputs, outputPath, writeOutput } from './_files.js';
import type { CliIo } from './_io.js';
import { HISTORY_HELP } from './help.js';
import { isStdin } from './_stdin.js';
import { requireReadable } from './_input.js';
import { checkPostgresUrl, isPostgresUrl } from './_postgres-args.js';

/**
 * `ddss history FILE.ndjson|postgresql://… [--history-table T] [--dataset D] [--format text|json|html]`: the score trend
 * per dataset and the rules that moved most. Exit 0; 2 for a usage error or a damaged history; 3 when the history
 * file cannot be read (not found, a directory) or the database cannot be reached or queried.
 * @example await history(['history.ndjson', '--dataset', 'land-parcels', '--format', 'html', '--out', 'h.html'], io)
 */
export async function history(argv: readonly string[], io: CliIo): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    dataset: { type: 'string', short: 'd' },
    'history-table': { type: 'string' },
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
  if (positionals.length !== 1) throw usage('history takes one history file or postgresql:// URL (written by ddss validate --history)',
    'history nhận một tệp lịch sử hoặc một URL postgresql:// (do ddss validate --history ghi)');
  const file = positionals[0] as string;
  if (isStdin(file)) throw usage('history reads a history file (or a postgresql:// URL), not standard input ("-")',
    'history đọc một tệp lịch sử (hoặc một URL postgresql://), không đọc đầu vào chuẩn ("-")');
  const format = reportFormat(v.format, v.out, ['text', 'json', 'html'] as const, 'text');
  const locale = choice('locale', v.locale, ['en', 'vi'] as const, 'en');
  const top = whole('top', v.top, 1) ?? 10;
  if (v.out === '') throw usage('--out needs a file name', '--out cần một tên tệp');
  if (isPostgresUrl(file)) checkPostgresUrl(file, '');
  const target = historyTarget(file, v['history-table'], io.cwd, io.env) as HistoryTarget;
  if (target.kind === 'file' && v['history-table'] !== undefined) throw usage('--history-table names the table of a postgresql:// history', '--history-table nêu bảng của một lịch sử postgresql://');
  const out = v.out === undefined ? undefined : outputPath('out', v.out, io.cwd);
  const shown = target.kind === 'file' ? file : postgresHistoryName(target.options);
  if (out !== undefined) await checkOutputs([out], target.kind === 'file' ? target.path : shown, v.force === true);
  // readHistory takes a missing file for an empty history (a first run's); asked to show one, it is an input that
  // cannot be read, said as every command says it (exit 3, like validate's input), not a usage error.
  if (target.kind === 'file') await requireReadable(target.path, file);
  let entries: HistoryEntry[];
  try {
    entries = target.kind === 'file' ? await readHistory(target.path, v.dataset, Number.MAX_SAFE_INTEGER)
      : await readPostgresHistory(target.options, v.dataset, Number.MAX_SAFE_INTEGER);
  } catch (e) {
    throw historyReadError(e, target, usage, (m) => new CliError(m, EXIT.unevaluated));
  }
  if (entries.length === 0) {
    throw usage(v.dataset === undefined ? `history ${shown} has no runs` : `history ${shown} has no runs of dataset "${v.dataset}"`,
      v.dataset === undefined ? `lịch sử ${shown} không có lần chạy nào` : `lịch sử ${shown} không có lần chạy nào của tập dữ liệu "${v.dataset}"`);
  }
  const trends = historyTrend(entries, top);
  const text = format === 'json' ? `${jsonText({ kind: 'history', datasets: trends }, 2)}\n`
    : format === 'html' ? historyHtml(trends, locale) : historyText(trends, locale);
  if (out === undefined) io.stdout.write(text);
  else await writeOutput(out, text, v.force === true);
  return EXIT.ok;
}
