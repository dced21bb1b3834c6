// One declaration per field. From it come: the check of a stored record (fast, run on every record at
// load, shape only, so that a file stays loadable whatever today's date is), the rules a user's input
// must meet to create a record, and those of a patch (absent = unchanged, null or '' = cleared).
// Every message is an i18n key (errors.*) that the renderer translates.
import { z } from 'zod';
import { COUNTRY_CODES } from './countries';
import { isIsoDate, todayIso } from './dates';

/** required: must be given; defaulted: has a default when absent; optional: may be absent. */
export type Presence = 'required' | 'defaulted' | 'optional';

export interface Field<T = unknown, P extends Presence = Presence, I = T> {
  readonly presence: P;
  readonly fallback?: T;
  /** Set once at creation (a participation's event and person): not part of a patch. */
  readonly fixed: boolean;
  readonly isStored: (value: unknown) => boolean;
  readonly input: z.ZodType<T, I>;
  /** The longest text accepted: forms set it as the control's maxlength. */
  readonly maxLength?: number;
}

export type Fields = Record<string, Field<any, Presence, any>>;

const tooLong = { error: 'errors.tooLong' } as const;
const required = { error: 'errors.required' } as const;
const choiceInvalid = { error: 'errors.choiceInvalid' } as const;

const ID = /^[A-Za-z0-9_-]{1,64}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const COUNTRIES: ReadonlySet<unknown> = new Set(COUNTRY_CODES);

export const isRecordId = (v: unknown): v is string => typeof v === 'string' && ID.test(v);
export const isTimestamp = (v: unknown): v is string => typeof v === 'string' && TIMESTAMP.test(v);
const isDate = (v: unknown) => typeof v === 'string' && isIsoDate(v);
const isText = (max: number) => (v: unknown) => typeof v === 'string' && v.length <= max;

export const recordId = z.string().min(1, required).max(64).regex(ID);
export const isoDate = z.string().refine(isIsoDate, { error: 'errors.dateInvalid' });
export const countryCode = z.enum(COUNTRY_CODES, { error: 'errors.countryInvalid' });

function field<T, P extends Presence, I>(
  presence: P,
  isStored: (value: unknown) => boolean,
  input: z.ZodType<T, I>,
  fallback?: T,
  fixed = false,
  maxLength?: number,
): Field<T, P, I> {
  return { presence, isStored, input, fallback, fixed, maxLength };
}

const trimmed = (max: number) => z.string({ error: 'errors.invalid' }).max(max, tooLong).trim();

export function text(max: number, fallback = ''): Field<string, 'defaulted'> {
  return field('defaulted', isText(max), trimmed(max), fallback, false, max);
}

export function requiredText(max: number): Field<string, 'required'> {
  return field('required', isText(max), z.string(required).max(max, tooLong).trim().min(1, required), undefined, false, max);
}

export function choice<const V extends readonly [string, ...string[]]>(values: V): Field<V[number], 'required'>;
export function choice<const V extends readonly [string, ...string[]]>(values: V, fallback: V[number]): Field<V[number], 'defaulted'>;
export function choice<const V extends readonly [string, ...string[]]>(values: V, fallback?: V[number]) {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return field(fallback === undefined ? 'required' : 'defaulted', (v) => allowed.has(v), z.enum(values, choiceInvalid), fallback);
}

export function optionalChoice<const V extends readonly [string, ...string[]]>(values: V): Field<V[number], 'optional'> {
  const allowed: ReadonlySet<unknown> = new Set(values);
  return field('optional', (v) => allowed.has(v), z.enum(values, choiceInvalid));
}

export function date(options: { required: true }): Field<string, 'required'>;
export function date(options?: { notFuture?: boolean }): Field<string, 'optional'>;
export function date(options: { required?: boolean; notFuture?: boolean } = {}) {
  let input: z.ZodType<string, string> = z.string(required).min(1, required).pipe(isoDate);
  if (options.notFuture) input = input.refine((d) => d <= todayIso(), { error: 'errors.birthDateFuture' });
  return field(options.required ? 'required' : 'optional', isDate, input);
}

export function country(): Field<(typeof COUNTRY_CODES)[number], 'optional'> {
  return field('optional', (v) => COUNTRIES.has(v), countryCode);
}

export function email(max: number): Field<string, 'defaulted'> {
  const input = trimmed(max).refine((v) => v === '' || z.email().safeParse(v).success, { error: 'errors.emailInvalid' });
  return field('defaulted', isText(max), input, '', false, max);
}

export function webAddress(max: number): Field<string, 'defaulted'> {
  const input = trimmed(max).refine((v) => v === '' || /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v), { error: 'errors.urlInvalid' });
  return field('defaulted', isText(max), input, '', false, max);
}

export function integer(min: number, max: number, fallback: number): Field<number, 'defaulted', unknown> {
  const input = z.coerce
    .number({ error: 'errors.numberInvalid' })
    .int({ error: 'errors.numberInvalid' })
    .min(min, { error: 'errors.tooSmall' })
    .max(max, { error: 'errors.tooBig' });
  return field('defaulted', (v) => Number.isInteger(v) && (v as number) >= min && (v as number) <= max, input, fallback);
}

/** The id of a record of another collection, set at creation. */
export function reference(): Field<string, 'required'> {
  return field('required', isRecordId, recordId, undefined, true);
}

/** The id of a record of another collection, set at creation, that may be absent (a letter with no event yet). */
export function optionalReference(): Field<string, 'optional'> {
  return field('optional', isRecordId, recordId, undefined, true);
}

/** Yes or no. */
export function flag(fallback = false): Field<boolean, 'defaulted', unknown> {
  // A form's select gives 'true' or 'false'.
  const input = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean({ error: 'errors.invalid' }));
  return field('defaulted', (v) => typeof v === 'boolean', input, fallback);
}

/** A fingerprint: lowercase hexadecimal of a fixed length (sha-256: 64). */
export function hexDigest(length: number): Field<string, 'defaulted'> {
  const pattern = new RegExp(`^(?:[0-9a-f]{${length}})?$`);
  return field('defaulted', (v) => typeof v === 'string' && pattern.test(v), z.string().regex(pattern, { error: 'errors.invalid' }), '');
}

/** A list of values of one kind (countries, people's ids, dated steps), at most `max` of them; empty by default. */
export function list<T, I>(item: { isStored: (value: unknown) => boolean; input: z.ZodType<T, I> }, max: number): Field<T[], 'defaulted', I[]> {
  return field(
    'defaulted',
    (v) => Array.isArray(v) && v.length <= max && v.every(item.isStored),
    z.array(item.input).max(max, { error: 'errors.tooMany' }),
    [] as T[],
  );
}

/** A list item that is another record's id. */
export const idItem = { isStored: isRecordId, input: recordId };
/** A list item that is a short code (a rule's id). */
export const codeItem = { isStored: (v: unknown) => typeof v === 'string' && v.length <= 80, input: z.string().min(1).max(80) };
/** A list item that is a country code. */
export const countryItem = { isStored: (v: unknown) => COUNTRIES.has(v), input: countryCode };

// ---- Types derived from a declaration ----

type ValueOf<F> = F extends Field<infer T, Presence, unknown> ? T : never;
type InputOf<F> = F extends Field<unknown, Presence, infer I> ? I : never;
type KeysWhere<F extends Fields, P extends Presence> = { [K in keyof F]: F[K]['presence'] extends P ? K : never }[keyof F];
type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** A stored record's own fields (defaults applied). */
export type ValuesOf<F extends Fields> = Simplify<
  { [K in KeysWhere<F, 'required' | 'defaulted'>]: ValueOf<F[K]> } & { [K in KeysWhere<F, 'optional'>]?: ValueOf<F[K]> }
>;

/** What a user may send to create a record: required fields, and the others optional ('' or null = not given). */
export type CreateInput<F extends Fields> = Simplify<
  { [K in KeysWhere<F, 'required'>]: InputOf<F[K]> } & { [K in KeysWhere<F, 'defaulted' | 'optional'>]?: InputOf<F[K]> | null }
>;

type Patchable<F extends Fields> = { [K in keyof F]: F[K]['fixed'] extends true ? never : K }[keyof F];
/** What a user may send to change a record: any patchable field; absent = unchanged, null = cleared. */
export type PatchInput<F extends Fields> = Simplify<{
  [K in Patchable<F>]?: F[K]['presence'] extends 'required' ? InputOf<F[K]> : InputOf<F[K]> | null;
}>;
/** A parsed patch: null means "clear". */
export type Patch<F extends Fields> = Simplify<{
  [K in Patchable<F>]?: F[K]['presence'] extends 'required' ? ValueOf<F[K]> : ValueOf<F[K]> | null;
}>;

// ---- Schemas derived from a declaration ----

const blank = (v: unknown) => v === '' || v === null;

/** The input schema that creates a record: defaults applied, blanks of optional fields dropped. */
export function createSchema<F extends Fields>(fields: F): z.ZodType<ValuesOf<F>, CreateInput<F>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of Object.entries(fields)) {
    if (f.presence === 'required') shape[name] = f.input;
    else if (f.presence === 'defaulted') shape[name] = z.preprocess((v) => (v === null || v === undefined ? f.fallback : v), f.input);
    else shape[name] = z.preprocess((v) => (blank(v) ? undefined : v), f.input.optional());
  }
  return z.object(shape) as unknown as z.ZodType<ValuesOf<F>, CreateInput<F>>;
}

/** The input schema of a patch: every patchable field optional; null or '' clears a field that may be empty. */
export function patchSchema<F extends Fields>(fields: F): z.ZodType<Patch<F>, PatchInput<F>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, f] of Object.entries(fields)) {
    if (f.fixed) continue;
    if (f.presence === 'required') shape[name] = f.input.optional();
    else shape[name] = z.preprocess((v) => (blank(v) ? null : v), f.input.nullable().optional());
  }
  return z.object(shape) as unknown as z.ZodType<Patch<F>, PatchInput<F>>;
}

/** Applies a parsed patch to a record's values: absent keys unchanged, null back to the default or removed. */
export function applyPatch<F extends Fields, R extends ValuesOf<F>>(fields: F, record: R, patch: Patch<F>): R {
  const next: Record<string, unknown> = { ...record };
  for (const [name, value] of Object.entries(patch)) {
    const f = fields[name];
    if (!f || f.fixed || value === undefined) continue;
    if (value !== null) next[name] = value;
    else if (f.presence === 'defaulted') next[name] = f.fallback;
    else delete next[name];
  }
  return next as R;
}

/**
 * Checks a stored record's declared fields in place and fills in absent defaults; unknown fields are
 * left as they are (a newer version's additions survive). Returns the name of the first bad field, or null.
 */
export function checkStored(fields: Fields, record: Record<string, unknown>): string | null {
  for (const name in fields) {
    const f = fields[name];
    const value = record[name];
    if (value === undefined) {
      if (f.presence === 'defaulted') record[name] = f.fallback;
      else if (f.presence === 'required') return name;
    } else if (!f.isStored(value)) {
      return name;
    }
  }
  return null;
}
