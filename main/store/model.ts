// The data in memory: lowdb's object holds the collections' arrays of frozen records; tables index them.
// Reads get read-only views; every change goes through a Transaction that can be rolled back whole.
import { applyPatch, type Patch } from '../domain/fields';
import type { RecordMeta } from '../domain/model';
import { AppError } from '../errors';
import {
  COLLECTION_NAMES, SINGLETON_NAMES, collections, singletons,
  type CollectionDef, type CollectionName, type FieldsOf, type Records, type SingletonName, type Singletons, type UniqueRule,
} from './collections';
import { checkRecord, checkSingleton, type Database } from './schema';

type Row = Records[CollectionName];

/** One collection's rows, with an id map and the indexes declared for it (built on first use). */
export class Table<R extends Row = Row> {
  private readonly byId = new Map<string, number>();
  private readonly indexes = new Map<string, Map<unknown, Set<string>>>();
  private readonly uniqueKeys = new Map<UniqueRule<R>, Map<string, Set<string>>>();

  constructor(
    readonly name: CollectionName,
    readonly def: CollectionDef<R>,
    readonly rows: R[],
  ) {
    for (let i = 0; i < rows.length; i++) {
      if (this.byId.has(rows[i].id)) throw new AppError('store.corrupt', { reason: 'schema', where: `${name}.${rows[i].id}` });
      this.byId.set(rows[i].id, i);
    }
  }

  find(id: string): R | undefined {
    const i = this.byId.get(id);
    return i === undefined ? undefined : this.rows[i];
  }

  /** Every record (tombstones too) whose field has this value. */
  where(field: string, value: unknown): R[] {
    const ids = this.index(field).get(value);
    return ids ? [...ids].map((id) => this.find(id)!) : [];
  }

  /** Live records other than `except` that share the rule's key with `record`. */
  collisions(rule: UniqueRule<R>, record: R): R[] {
    const key = rule.key(record);
    if (key === null) return [];
    const ids = this.uniqueIndex(rule).get(key);
    return ids ? [...ids].filter((id) => id !== record.id).map((id) => this.find(id)!) : [];
  }

  /** Inserts or replaces a record; returns the one it replaced. */
  put(next: R): R | undefined {
    const i = this.byId.get(next.id);
    const previous = i === undefined ? undefined : this.rows[i];
    if (i === undefined) {
      this.byId.set(next.id, this.rows.length);
      this.rows.push(next);
    } else {
      this.rows[i] = next;
    }
    this.reindex(next.id, previous, next);
    return previous;
  }

  /** Undoes a put: puts `previous` back, or removes `next` if it was new (always the last row then). */
  revert(next: R, previous: R | undefined): void {
    if (previous) {
      this.rows[this.byId.get(next.id)!] = previous;
    } else {
      this.rows.pop();
      this.byId.delete(next.id);
    }
    this.reindex(next.id, next, previous);
  }

  private index(field: string): Map<unknown, Set<string>> {
    let index = this.indexes.get(field);
    if (!index) {
      index = new Map();
      for (const row of this.rows) add(index, fieldOf(row, field), row.id);
      this.indexes.set(field, index);
    }
    return index;
  }

  private uniqueIndex(rule: UniqueRule<R>): Map<string, Set<string>> {
    let index = this.uniqueKeys.get(rule);
    if (!index) {
      index = new Map();
      for (const row of this.rows) if (!row.deletedAt) add(index, rule.key(row), row.id);
      this.uniqueKeys.set(rule, index);
    }
    return index;
  }

  private reindex(id: string, from: R | undefined, to: R | undefined): void {
    for (const [field, index] of this.indexes) {
      const a = fieldOf(from, field);
      const b = fieldOf(to, field);
      if (a === b && !!from === !!to) continue;
      if (from) remove(index, a, id);
      if (to) add(index, b, id);
    }
    for (const [rule, index] of this.uniqueKeys) {
      const a = from && !from.deletedAt ? rule.key(from) : null;
      const b = to && !to.deletedAt ? rule.key(to) : null;
      if (a === b) continue;
      remove(index, a, id);
      add(index, b, id);
    }
  }
}

/** A record's field by name (records are plain objects of JSON values). */
const fieldOf = (record: object | undefined, field: string): unknown => (record as Record<string, unknown> | undefined)?.[field];

function add<K>(index: Map<K, Set<string>>, key: K | null, id: string): void {
  if (key === null || key === undefined) return;
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

function remove<K>(index: Map<K, Set<string>>, key: K | null, id: string): void {
  if (key === null || key === undefined) return;
  const ids = index.get(key);
  ids?.delete(id);
  if (ids?.size === 0) index.delete(key);
}

// ---- What handlers see ----

export interface ReadRepo<R> {
  /** A live record, or undefined. */
  find(id: string): Readonly<R> | undefined;
  /** A live record, or errors.notFound. */
  get(id: string): Readonly<R>;
  /** The live records. */
  list(): Readonly<R>[];
  /** The live records whose indexed field has this value. */
  where<K extends keyof R & string>(field: K, value: R[K]): Readonly<R>[];
}

/** The values a new record is made of: its fields, as the contract's create schema gives them. */
export type NewRecord<C extends CollectionName> = Omit<Records[C], keyof RecordMeta>;

export interface WriteRepo<C extends CollectionName> extends ReadRepo<Records[C]> {
  create(values: NewRecord<C>): Readonly<Records[C]>;
  /** Absent fields are unchanged, null clears; returns the record as it now is. */
  update(id: string, patch: Patch<FieldsOf[C]>): Readonly<Records[C]>;
  /** A tombstone, and tombstones for the records that point to it. */
  delete(id: string): void;
}

export interface WriteSingleton<S extends SingletonName> {
  get(): Readonly<Singletons[S]>;
  update(patch: Patch<FieldsOf[S]>): Readonly<Singletons[S]>;
}

export type ReadView = { readonly [C in CollectionName]: ReadRepo<Records[C]> } & {
  readonly [S in SingletonName]: Readonly<Singletons[S]>;
};

export interface Warning {
  code: string;
  params: Record<string, string | number>;
}

export type Tx = { readonly [C in CollectionName]: WriteRepo<C> } & {
  readonly [S in SingletonName]: WriteSingleton<S>;
} & {
  /** The time the change is made at. */
  readonly now: Date;
  /** Tells the user something about the change without refusing it. */
  warn(code: string, params?: Record<string, string | number>): void;
};

/** One record (or singleton) written by a change: what the journal and the change feed carry. */
export type Write = [name: string, record: Readonly<{ id?: string; seq?: number }>];

function readRepo<R extends Row>(table: Table<R>): ReadRepo<R> {
  return {
    find: (id) => {
      const r = table.find(id);
      return r && !r.deletedAt ? r : undefined;
    },
    get: (id) => {
      const r = table.find(id);
      if (!r || r.deletedAt) throw new AppError('errors.notFound');
      return r;
    },
    list: () => table.rows.filter((r) => !r.deletedAt),
    where: (field, value) => table.where(field, value).filter((r) => !r.deletedAt),
  };
}

export class Model {
  readonly tables: { [C in CollectionName]: Table<Records[C]> };

  constructor(readonly db: Database) {
    const tables: Record<string, Table> = {};
    for (const name of COLLECTION_NAMES) tables[name] = new Table(name, collections[name] as CollectionDef<Row>, db[name] as Row[]);
    this.tables = tables as Model['tables'];
  }

  /** Read-only: frozen records, fresh arrays, no write method. */
  view(): ReadView {
    const view: Record<string, unknown> = {};
    for (const name of COLLECTION_NAMES) view[name] = readRepo(this.tables[name] as Table);
    for (const name of SINGLETON_NAMES) Object.defineProperty(view, name, { get: () => this.db[name], enumerable: true });
    return Object.freeze(view) as ReadView;
  }

  begin(seq: number, now: Date): Transaction {
    return new Transaction(this, seq, now);
  }

  /** Applies a journal entry's writes at load, all or none (each checked as strictly as a snapshot record). */
  replay(writes: readonly Write[]): void {
    const checked = writes.map(([name, record]): Write => {
      if ((SINGLETON_NAMES as string[]).includes(name)) return [name, checkSingleton(name, { ...record })];
      if ((COLLECTION_NAMES as string[]).includes(name)) return [name, checkRecord(name, { ...record })];
      throw new AppError('store.corrupt', { reason: 'journal', where: name });
    });
    for (const [name, record] of checked) {
      if ((SINGLETON_NAMES as string[]).includes(name)) (this.db as Record<string, unknown>)[name] = record;
      else (this.tables[name as CollectionName] as Table).put(record as unknown as Row);
    }
  }

  /** Everything written after `seq`, oldest first: the change feed. */
  changesSince(seq: number): Write[] {
    const changes: Write[] = [];
    for (const name of SINGLETON_NAMES) {
      const s = this.db[name];
      if ((s.seq ?? 0) > seq) changes.push([name, s]);
    }
    for (const name of COLLECTION_NAMES) for (const r of this.tables[name].rows) if (r.seq > seq) changes.push([name, r]);
    return changes.sort((a, b) => (a[1].seq ?? 0) - (b[1].seq ?? 0));
  }
}

/** A change in progress: applied to the model as it goes, undone whole by rollback(). */
export class Transaction {
  readonly warnings: Warning[] = [];
  private readonly written = new Map<string, Write>();
  private readonly undo: (() => void)[] = [];
  readonly tx: Tx;
  private readonly stamp: string;

  constructor(
    private readonly model: Model,
    readonly seq: number,
    readonly now: Date,
  ) {
    this.stamp = now.toISOString();
    const tx: Record<string, unknown> = {
      now,
      warn: (code: string, params: Record<string, string | number> = {}) => this.warnings.push({ code, params }),
    };
    for (const name of COLLECTION_NAMES) tx[name] = this.repo(name);
    for (const name of SINGLETON_NAMES) tx[name] = this.singleton(name);
    this.tx = Object.freeze(tx) as Tx;
  }

  /** The records this change wrote, each once, in the order first written. */
  get writes(): Write[] {
    return [...this.written.values()];
  }

  rollback(): void {
    for (const step of this.undo.splice(0).reverse()) step();
    this.written.clear();
  }

  private put<R extends Row>(table: Table<R>, next: R): R {
    Object.freeze(next);
    const previous = table.put(next);
    this.undo.push(() => table.revert(next, previous));
    this.written.set(`${table.name}/${next.id}`, [table.name, next]);
    return next;
  }

  private checkRules<R extends Row>(table: Table<R>, record: R): void {
    const issues = table.def.check?.(record) ?? [];
    if (issues.length > 0) throw new AppError('errors.validation', {}, issues);
    for (const [field, target] of Object.entries(table.def.references ?? {})) {
      const id = fieldOf(record, field) as string | undefined;
      if (id === undefined) continue;
      const parent = this.model.tables[target as CollectionName].find(id);
      if (!parent || parent.deletedAt) throw new AppError('errors.notFound', { field });
    }
    for (const rule of table.def.unique ?? []) {
      if (table.collisions(rule, record).length === 0) continue;
      if (rule.level === 'error') throw new AppError(rule.code);
      this.warnings.push({ code: rule.code, params: {} });
    }
  }

  private repo<C extends CollectionName>(name: C): WriteRepo<C> {
    type R = Records[C];
    const table = this.model.tables[name] as unknown as Table<R>;
    const fields = collections[name].fields;
    const read = readRepo(table);
    const remove = (id: string) => {
      const record = read.get(id);
      this.put(table, { ...record, deletedAt: this.stamp, updatedAt: this.stamp, seq: this.seq } as R);
      // Whatever points to the deleted record ends with it.
      for (const child of COLLECTION_NAMES) {
        for (const [field, target] of Object.entries(collections[child].references ?? {})) {
          if (target !== name) continue;
          const childRepo = this.tx[child] as WriteRepo<CollectionName>;
          for (const r of childRepo.where(field as never, id as never)) childRepo.delete(r.id);
        }
      }
    };
    return {
      ...read,
      create: (values) => {
        const record = { ...values, id: crypto.randomUUID(), createdAt: this.stamp, updatedAt: this.stamp, seq: this.seq } as R;
        this.checkRules(table, record);
        return this.put(table, record);
      },
      update: (id, patch) => {
        const current = read.get(id);
        const next = applyPatch(fields, current as R, patch as never);
        const changed = Object.keys(fields).some((k) => fieldOf(next, k) !== fieldOf(current, k));
        if (!changed) return current;
        const record = { ...next, updatedAt: this.stamp, seq: this.seq } as R;
        this.checkRules(table, record);
        return this.put(table, record);
      },
      delete: remove,
    };
  }

  private singleton<S extends SingletonName>(name: S): WriteSingleton<S> {
    const db = this.model.db as Record<string, unknown>;
    return {
      get: () => db[name] as Singletons[S],
      update: (patch) => {
        const previous = db[name] as Singletons[S];
        const patched = applyPatch(singletons[name], previous as never, patch as never) as object;
        const next = Object.freeze({ ...patched, updatedAt: this.stamp, seq: this.seq });
        db[name] = next;
        this.undo.push(() => (db[name] = previous));
        this.written.set(name, [name, next]);
        return next as Singletons[S];
      },
    };
  }
}
