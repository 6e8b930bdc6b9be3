/** One of the two inputs of a comparison. */
export type CompareSide = 'source' | 'copy';

/** What a {@link MissingColumnError} is about: the column, its role, the first side lacking it and both headers. */
export interface MissingColumn {
  readonly column: string;
  /** `key` for a `key` column, `compared` for one `columns` names, `pii` for one `pii` names (in neither header). */
  readonly role: 'key' | 'compared' | 'pii';
  /** The first side whose header lacks it (the source when both do). */
  readonly side: CompareSide;
  /**
   * Both headers as read (empty for a side with none). Raw: a file without a header line has a record's values here,
   * which the message masks; a caller quoting them must mask them too (`headerLooksLikeRecord`).
   */
  readonly columns: Readonly<Record<CompareSide, readonly string[]>>;
}

/**
 * The rejection of `compare` for a key or compared column a header lacks, or a `pii` column neither header has: a `TypeError` with the message it always had
 * (`key column "id" is not in the copy (its columns: ID, name)`), carrying the parts as data, so that a caller can
 * say how to fix it (the CLI names the near column and the `--rename-copy` to give) without parsing the message.
 * @example
 * try { await compare(a, b, { key: 'id' }); } catch (e) { if (e instanceof MissingColumnError) e.missing.side; } // 'copy'
 */
export class MissingColumnError extends TypeError {
  constructor(message: string, readonly missing: MissingColumn) {
    super(message);
  }
}
