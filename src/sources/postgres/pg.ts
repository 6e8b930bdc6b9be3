/** The parts of node-postgres (`pg`, `pg-cursor`) that ddss uses: optional peer dependencies, loaded lazily. */

/** A result column as the server describes it. */
export interface PgField {
  readonly name: string;
  readonly dataTypeID: number;
}

/** Per-query type parsers (`{ types }` of a query or cursor): never pg's global table. */
export interface PgTypes {
  getTypeParser(oid: number, format?: string): (text: string) => unknown;
}

/** A connected client (a `pg.Client` or a client checked out of a `pg.Pool`). */
export interface PgClient {
  query(config: { text: string; values?: readonly unknown[]; rowMode?: 'array'; types?: PgTypes }):
    Promise<{ rows: unknown[]; fields: PgField[] }>;
  query<C extends PgCursor>(cursor: C): C;
  escapeIdentifier(name: string): string;
  /** `I` idle, `T` in a transaction, `E` in a failed one (pg 8.16 and later; absent before). */
  getTransactionStatus?(): string | null;
}

/** A pool: ddss checks one client out and releases it when the read ends. */
export interface PgPool {
  connect(): Promise<PgClient & { release(error?: Error | boolean): void } & Partial<PgErrorEvents>>;
}

/** The `'error'` event of a pg client: a pool listens only while a client is idle, so its borrower must. */
export interface PgErrorEvents {
  on(event: 'error', listener: (e: Error) => void): unknown;
  removeListener(event: 'error', listener: (e: Error) => void): unknown;
}

/** A server-side cursor (pg-cursor). */
export interface PgCursor {
  read(rows: number): Promise<unknown[]>;
  close(): Promise<void>;
  readonly _result?: { readonly fields?: readonly PgField[] };
}

/** What the lazily loaded modules provide. */
export interface PgModules {
  readonly Client: new (config: Record<string, unknown>) => PgClient & {
    connect(): Promise<void>; end(): Promise<void>; on(event: 'error', listener: (e: Error) => void): unknown };
  readonly Cursor: new (text: string, values: readonly unknown[] | null, config: { rowMode: 'array'; types: PgTypes }) => PgCursor;
  readonly defaultTypes: PgTypes;
}

// Specifiers in variables: bundlers and the type checker leave them alone, so ddss loads without pg installed.
const PG = 'pg';
const CURSOR = 'pg-cursor';

/**
 * Loads pg and pg-cursor on first use; without them, an Error that says how to install them.
 * @example const { Client, Cursor } = await loadPg();
 */
export async function loadPg(): Promise<PgModules> {
  try {
    const pg = (await import(/* @vite-ignore */ PG)) as { default?: PgLike } & PgLike;
    const cursor = (await import(/* @vite-ignore */ CURSOR)) as { default?: PgModules['Cursor'] };
    const m = pg.default ?? pg;
    return { Client: m.Client, Cursor: cursor.default ?? (cursor as unknown as PgModules['Cursor']), defaultTypes: m.types };
  } catch (e) {
    throw new Error('ddss: reading PostgreSQL needs the pg and pg-cursor packages: npm install pg pg-cursor', { cause: e });
  }
}

interface PgLike {
  readonly Client: PgModules['Client'];
  readonly types: PgTypes;
}
