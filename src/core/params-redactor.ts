import { display } from './display.js';
import { redactor } from './mask.js';
import type { Plan } from './compile.js';
import type { ResolvedOptions } from './options.js';
import type { Finding, PiiMode } from './types.js';

/** What an emitter redacts messages with: the current row's personal values, and a finding's params cleaned of them. */
export interface ParamsRedactor {
  /** The current row's personal values as text: what a message must not quote. */
  rowSecrets(): string[];
  /**
   * A finding's own params as its message quotes them (`current`: the finding is about the row being read, else a
   * dataset rule's finding at the end).
   */
  findingParams(f: Finding, field: string | undefined, current: boolean): Finding['params'];
}

/**
 * Redaction of findings' params for one validator. A check may put a personal value in its params in any form
 * (`{ got: v.toUpperCase() }`), as in an error message: in a definition with personal fields they are redacted like
 * rules' error messages, of the row's personal values (for a finding of a dataset rule at the end, of the finding's
 * own value and suggestion when its field is personal) and of identifier-shaped digit runs. Redactors are built once
 * per row (and per duplicate group), however many findings quote params.
 */
export function createParamsRedactor(plan: Plan, opts: ResolvedOptions, ctx: { readonly row: number },
  rawOf: (i: number) => unknown): ParamsRedactor {
  const piiFields = plan.fields.filter((f) => f.pii !== false).map((f) => f.index);
  const piiOf = (i: number): PiiMode | false => plan.fields[i]?.pii ?? false;
  let redactorRow = -1;
  let rowRedact: ((text: string) => string) | undefined;
  let ownRedact: { id: string; redact: (text: string) => string } | undefined;

  return { rowSecrets, findingParams };

  function rowSecrets(): string[] {
    return piiFields.map((i) => rawOf(i)).map((v) => (typeof v === 'string' ? v : display(v)))
      .filter((s): s is string => s !== undefined);
  }

  function maskText(s: string): string {
    return opts.protect(s, 'mask');
  }

  /** See {@link ParamsRedactor.findingParams}. */
  function findingParams(f: Finding, field: string | undefined, current: boolean): Finding['params'] {
    const params = f.params;
    if (params === undefined || opts.showValues || piiFields.length === 0) return params;
    let clean: ((text: string) => string) | undefined;
    const cleaner = () => (clean ??= current ? rowRedactor() : ownRedactor(f, field));
    let out: Record<string, unknown> | undefined;
    for (const [name, v] of Object.entries(params)) {
      const shownParam = redactParam(v, cleaner);
      if (shownParam !== v) (out ??= { ...params })[name] = shownParam;
    }
    return out ?? params;
  }

  /** The current row's redactor, built once per row however many of its findings have params. */
  function rowRedactor(): (text: string) => string {
    if (redactorRow !== ctx.row || rowRedact === undefined) {
      redactorRow = ctx.row;
      rowRedact = redactor(rowSecrets(), maskText);
    }
    return rowRedact;
  }

  /**
   * A redactor of a dataset rule's finding's own value and suggestion, when its field is personal (or unknown). A
   * number a table-level finding of no field gives as its value is a measure of the table (`rowCount`'s number of
   * records, which a baseline compares), not a value of a record: masking it made "the table has 2*** records".
   */
  function ownRedactor(f: Finding & { readonly row?: number }, field: string | undefined): (text: string) => string {
    const i = field === undefined ? undefined : plan.fieldIndex.get(field);
    const measure = field === undefined && f.row === undefined && typeof f.value === 'number';
    const own = (i === undefined || piiOf(i) !== false ? [measure ? undefined : f.value, f.suggestion] : [])
      .map((v) => (typeof v === 'string' ? v : display(v))).filter((s): s is string => s !== undefined);
    // The members of a duplicate group share their value: one redactor for them all.
    const id = own.join('\u0000');
    if (ownRedact === undefined || ownRedact.id !== id) ownRedact = { id, redact: redactor(own, maskText) };
    return ownRedact.redact;
  }

  /**
   * A param as its message may quote it, redacted. A number of one or two digits (a count) is left as it is: a
   * personal value that short would be redacted in every number of the message.
   */
  function redactParam(v: unknown, cleaner: () => (text: string) => string): unknown {
    if (Array.isArray(v)) {
      const out = v.map((x) => redactParam(x, cleaner));
      return out.some((x, i) => x !== v[i]) ? out : v;
    }
    if (typeof v === 'object' && v !== null && !(v instanceof Date)) {
      // Localised text ({ en, vi }) is quoted in the run's locale; any other object prints as [object Object].
      if (!('en' in v && 'vi' in v)) return v;
      const en = redactParam(v.en, cleaner);
      const vi = redactParam(v.vi, cleaner);
      return en === v.en && vi === v.vi ? v : { en, vi };
    }
    const text = typeof v === 'string' ? v : v instanceof Date ? display(v)
      : (typeof v === 'number' || typeof v === 'bigint') && (v >= 100 || v <= -100) ? String(v) : undefined;
    if (text === undefined || text === '') return v;
    const out = cleaner()(text);
    // Unchanged text keeps its type (a number is still formatted as one).
    return out === text || out === text.normalize('NFC') ? v : out;
  }
}
