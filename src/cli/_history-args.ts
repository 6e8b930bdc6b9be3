import type { HistoryThresholds } from '../history/anomalies.js';
import { choice, ratio, whole } from './_args.js';
import { usage } from './_errors.js';
import { checkPostgresUrl, isPostgresUrl } from './_postgres-args.js';
import { historyTableName } from '../history/postgres-history.js';

/** The history flags of `ddss validate`, checked. */
export interface HistoryArgs {
  /** `--history FILE.ndjson` or `--history postgresql://…`: the run history to judge against and append to. */
  readonly history: string | undefined;
  /** `--history-table [SCHEMA.]TABLE`: the table of a `postgresql://` history (default `ddss_history`). */
  readonly historyTable: string | undefined;
  readonly historyThresholds: HistoryThresholds;
}

/** The `parseArgs` options of the history flags. */
export const HISTORY_FLAGS = {
  history: { type: 'string' },
  'history-table': { type: 'string' },
  'history-window': { type: 'string' },
  'history-row-drop': { type: 'string' },
  'history-min-jump': { type: 'string' },
  'history-severity': { type: 'string' },
} as const;

/**
 * Checks the history flags: thresholds only with `--history`, each in its range (usage error, exit 2).
 * @example historyArgs({ history: 'h.ndjson', 'history-window': '5' }).historyThresholds.window // 5
 */
export function historyArgs(v: { history?: string; 'history-table'?: string; 'history-window'?: string; 'history-row-drop'?: string;
  'history-min-jump'?: string; 'history-severity'?: string }): HistoryArgs {
  if (v.history === '') throw usage('--history needs a file name (.ndjson) or a postgresql:// URL', '--history cần một tên tệp (.ndjson) hoặc một URL postgresql://');
  if (v.history !== undefined && isPostgresUrl(v.history)) checkPostgresUrl(v.history, '--history');
  const table = v['history-table'];
  if (table !== undefined && (v.history === undefined || !isPostgresUrl(v.history))) {
    throw usage('--history-table names the table of a --history postgresql://… URL', '--history-table nêu bảng của một --history dạng URL postgresql://…');
  }
  if (table !== undefined) {
    try {
      historyTableName(table);
    } catch (e) {
      throw usage(`--history-table: ${(e as Error).message.replace(/^ddss: history table /, '')}`);
    }
  }
  for (const flag of ['history-window', 'history-row-drop', 'history-min-jump', 'history-severity'] as const) {
    if (v[flag] !== undefined && v.history === undefined) throw usage(`--${flag} needs --history <file.ndjson>`, `--${flag} cần --history <file.ndjson>`);
  }
  const window = whole('history-window', v['history-window'], 3, 1000);
  const rowDrop = ratio('history-row-drop', v['history-row-drop']);
  const minJump = ratio('history-min-jump', v['history-min-jump']);
  const severity = v['history-severity'] === undefined ? undefined
    : choice('history-severity', v['history-severity'], ['warning', 'error'] as const, 'warning');
  return {
    history: v.history,
    historyTable: table,
    historyThresholds: {
      ...(window === undefined ? {} : { window }),
      ...(rowDrop === undefined ? {} : { rowDrop }),
      ...(minJump === undefined ? {} : { minJump }),
      ...(severity === undefined ? {} : { severity }),
    },
  };
}
