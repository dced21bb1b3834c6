// npm run --silent cli -- <command>: the same handlers as the app, for scripts and quick checks.
import { promises as fs, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Channel, Input, Output } from './api/contract';
import { dispatch } from './api/dispatch';
import type { Context } from './api/channel';
import type { Delivered } from './api/deliver';
import { resolveDataDir } from './data-dir';
import { balanceCounts } from './domain/balance';
import { asLanguage, LIMITS } from './domain/enums';
import { extractLetter, parsedLetter } from './domain/letters/extract';
import type { LetterProposal } from './domain/letters/proposal';
import { letterFiles } from './letters/letter-files';
import { sheetFiles } from './people-io/sheet-files';
import { documentFiles } from './documents/document-files';
import { readLetter } from './letters/read-letter';
import { AppError } from './errors';
import { createTranslator, supportedLanguage } from './i18n';
import { Store } from './store/store';
import { version } from './version';

const t = createTranslator(supportedLanguage(process.env.LANG));

/** Exit codes: 0 ok, 1 data or input refused, 64 usage, 75 data folder in use. */
const EXIT = { ok: 0, refused: 1, usage: 64, locked: 75 } as const;

const USAGE = `delegation-desk ${version}
  check                                  validate the data file
  events list [--json]                   list events
  events add --name N --acronym A --kind K --start YYYY-MM-DD --end YYYY-MM-DD [--city C] [--country ISO2]
  events show --event ID|ACRONYM [--json]  an event's delegation and its balance
  parse-letter FILE                      what an ITU letter says, as JSON (writes nothing)
  import-letter FILE... [--json]         records each letter with its event and deadlines; prints the ids
  invitations list [--event ID|ACRONYM] [--json]  the letters recorded
  balance --event ID|ACRONYM --json      the delegation's balance in counts and shares
  people merge KEEP_ID OTHER_ID          one person from two records (a backup is made first)
  import-people FILE [--event ID|ACRONYM] [--strict]  people from a CSV or XLSX sheet (into an event's delegation)
  people export --event ID|ACRONYM --out FILE [--passports]  the delegation as .csv or .xlsx
  deadlines list [--event ID|ACRONYM] [--within DAYS] [--json]  the open deadlines, overdue ones first
  export ics [--event ID|ACRONYM] --out FILE  the deadlines as a calendar file, with reminders
  contributions list [--event ID|ACRONYM] [--json]  the contributions and their status
  export nomination|experts --event ID|ACRONYM --lang LNG --out FILE.docx  the nomination letter, or the experts' nomination
options: --data-dir DIR (or DELEGATION_DESK_DATA_DIR)`;

class UsageError extends Error {}

async function call<C extends Channel>(context: Context, channel: C, input?: Input<C>): Promise<Output<C>> {
  const result = await dispatch(channel, input, context);
  if (result.ok) return result.value as Output<C>;
  const { error } = result;
  throw new AppError(error.code, error.params, error.issues);
}

/** The store's notices go to stderr, so that stdout stays the command's output (JSON, ids). */
function printNotices(store: Store): void {
  for (const notice of store.notices) console.error(t(notice.code, notice.params));
}

async function withStore<T>(dataDir: string, readOnly: boolean, run: (context: Context) => Promise<T>): Promise<T> {
  const store = await Store.open(dataDir, { readOnly, kind: 'cli' });
  printNotices(store);
  const context: Context = {
    store,
    host: { version, shell: 'web', openExternal: async () => false },
    now: () => new Date(),
    letters: letterFiles,
    sheets: sheetFiles,
    documents: documentFiles,
  };
  try {
    return await run(context);
  } finally {
    await store.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'data-dir': { type: 'string' },
      json: { type: 'boolean', default: false },
      name: { type: 'string' },
      acronym: { type: 'string' },
      kind: { type: 'string' },
      start: { type: 'string' },
      end: { type: 'string' },
      city: { type: 'string' },
      country: { type: 'string' },
      event: { type: 'string' },
      strict: { type: 'boolean', default: false },
      out: { type: 'string' },
      passports: { type: 'boolean', default: false },
      within: { type: 'string' },
      lang: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const command = positionals.join(' ');
  if (values.help || command === '') {
    console.log(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }
  if (positionals[0] === 'parse-letter') {
    if (positionals.length !== 2) throw new UsageError(USAGE);
    const letter = await readLetter(await readInputFile(positionals[1]), positionals[1]);
    console.log(JSON.stringify(parsedLetter(extractLetter(letter.text)), null, 2));
    return EXIT.ok;
  }
  const dataDir = resolveDataDir(values['data-dir']);
  if (!dataDir) throw new UsageError(t('cli.dataDirRequired'));
  if (positionals[0] === 'people' && positionals[1] === 'merge') {
    if (positionals.length !== 4) throw new UsageError(USAGE);
    return withStore(dataDir, false, async (context) => {
      const merged = await call(context, 'people:merge', { keepId: positionals[2], mergeId: positionals[3] });
      console.log(t('cli.merged', { moved: merged.moved, backup: merged.backup }));
      return EXIT.ok;
    });
  }
  if (positionals[0] === 'import-people') {
    if (positionals.length !== 2) throw new UsageError(USAGE);
    return withStore(dataDir, false, async (context) => {
      const eventId = values.event ? await resolveEvent(context, values.event) : undefined;
      const content = (await readInputFile(positionals[1])).toString('base64');
      const result = await call(context, 'people:import', { fileName: path.basename(positionals[1]), content, eventId, strict: values.strict });
      for (const { line, issues } of result.rejected) {
        console.error(t('cli.rowRejected', { line, reasons: issues.map((i) => `${i.field ?? ''} ${t(i.code, i.params)}`.trim()).join('; ') }));
      }
      console.log(t('cli.peopleImported', { created: result.created, linked: result.linked, added: result.addedToEvent, rejected: result.rejected.length }));
      return result.rejected.length > 0 ? EXIT.refused : EXIT.ok;
    });
  }
  if (positionals[0] === 'people' && positionals[1] === 'export') {
    return withStore(dataDir, true, async (context) => {
      if (!values.event) throw new UsageError(t('cli.eventRequired'));
      if (!values.out || !/\.(csv|xlsx)$/i.test(values.out)) throw new UsageError(t('cli.outRequired'));
      const format = values.out.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv';
      const exported = await call(context, 'people:export', { eventId: await resolveEvent(context, values.event), format, passports: values.passports });
      await writeDelivered(values.out, exported);
      console.log(t('cli.exported', { rows: exported.rows, file: values.out }));
      return EXIT.ok;
    });
  }
  if (positionals[0] === 'import-letter') {
    if (positionals.length < 2) throw new UsageError(USAGE);
    return withStore(dataDir, false, (context) => importLetters(context, positionals.slice(1), values.json));
  }

  switch (command) {
    case 'check':
      return check(dataDir);
    case 'events list':
      return withStore(dataDir, true, async (context) => {
        const events = await call(context, 'events:list');
        if (values.json) console.log(JSON.stringify(events, null, 2));
        else for (const e of events) console.log([e.id, e.acronym, e.name, e.startDate, e.endDate].join('\t'));
        return EXIT.ok;
      });
    case 'events add':
      return withStore(dataDir, false, async (context) => {
        const event = await call(context, 'events:create', {
          name: values.name ?? '',
          acronym: values.acronym,
          kind: values.kind as Input<'events:create'>['kind'],
          startDate: values.start ?? '',
          endDate: values.end ?? '',
          city: values.city,
          country: values.country?.toUpperCase() as Input<'events:create'>['country'],
        });
        console.log(event.id);
        return EXIT.ok;
      });
    case 'events show':
      return withStore(dataDir, true, async (context) => {
        if (!values.event) throw new UsageError(t('cli.eventRequired'));
        const delegation = await call(context, 'delegation:get', { eventId: await resolveEvent(context, values.event) });
        console.log(values.json ? JSON.stringify(delegation, null, 2) : describeDelegation(delegation));
        return EXIT.ok;
      });
    case 'balance':
      return withStore(dataDir, true, async (context) => {
        if (!values.event) throw new UsageError(t('cli.eventRequired'));
        const { event, members } = await call(context, 'delegation:get', { eventId: await resolveEvent(context, values.event) });
        const settings = await call(context, 'settings:get');
        const counted = members
          .filter((m) => m.participation.registrationStatus !== 'cancelled')
          .map((m) => ({ role: m.participation.role, gender: m.person.gender, birthDate: m.person.birthDate }));
        const counts = balanceCounts(counted, event.startDate, settings.youthMaxAge);
        console.log(values.json ? JSON.stringify(counts, null, 2) : describeDelegation(await call(context, 'delegation:get', { eventId: event.id })));
        return EXIT.ok;
      });
    case 'invitations list':
      return withStore(dataDir, true, async (context) => {
        const eventId = values.event ? await resolveEvent(context, values.event) : undefined;
        const letters = await call(context, 'invitations:list', eventId ? { eventId } : {});
        if (values.json) console.log(JSON.stringify(letters, null, 2));
        else for (const l of letters) console.log([l.id, l.reference || l.fileName, l.letterDate ?? '', l.eventAcronym || l.eventName, l.replyStatus, l.replyBy ?? ''].join('\t'));
        return EXIT.ok;
      });
    case 'deadlines list':
      return withStore(dataDir, true, async (context) => {
        const eventId = values.event ? await resolveEvent(context, values.event) : undefined;
        const within = values.within === undefined ? undefined : Number(values.within);
        if (within !== undefined && !(Number.isInteger(within) && within >= 0)) throw new UsageError(t('cli.withinInvalid'));
        const deadlines = await call(context, 'deadlines:list', { eventId, within });
        if (values.json) {
          const shown = deadlines.map(({ id, date, what, kind, eventId, source, estimated, done }) => ({ id, date, what, kind, eventId: eventId ?? null, source, estimated, done }));
          console.log(JSON.stringify(shown, null, 2));
        } else for (const d of deadlines) console.log([d.date, d.eventAcronym || d.eventName || '-', d.what, d.estimated ? t('deadlines.estimatedBadge') : ''].join('\t'));
        return EXIT.ok;
      });
    case 'export ics':
      return withStore(dataDir, true, async (context) => {
        if (!values.out || !/\.ics$/i.test(values.out)) throw new UsageError(t('cli.outIcsRequired'));
        const eventId = values.event ? await resolveEvent(context, values.event) : undefined;
        const exported = await call(context, 'deadlines:exportIcs', { eventId, language: supportedLanguage(process.env.LANG) });
        await writeDelivered(values.out, exported);
        console.log(t('cli.exportedIcs', { count: exported.count, file: values.out }));
        return EXIT.ok;
      });
    case 'export nomination':
    case 'export experts':
      return withStore(dataDir, false, async (context) => {
        const kind = positionals[1] as 'nomination' | 'experts';
        if (!values.event) throw new UsageError(t('cli.eventRequired'));
        if (!values.out || !/\.docx$/i.test(values.out)) throw new UsageError(t('cli.outDocxRequired'));
        const language = asLanguage(values.lang);
        if (!language) throw new UsageError(t('cli.langRequired'));
        const eventId = await resolveEvent(context, values.event);
        const { documents } = await call(context, 'documents:list', { eventId });
        const missing = documents.find((d) => d.kind === kind)?.missing ?? [];
        if (missing.length > 0) {
          for (const m of missing) console.error(t(`documents.missing.${m.code}`, m.code === 'noPassport' ? { name: m.name } : {}));
          return EXIT.refused;
        }
        const written = await call(context, kind === 'experts' ? 'documents:experts' : 'documents:nomination', { eventId, language });
        await writeDelivered(values.out, written);
        console.log(t('cli.documentWritten', { reference: written.reference || '-', file: values.out }));
        return EXIT.ok;
      });
    case 'contributions list':
      return withStore(dataDir, true, async (context) => {
        const eventId = values.event ? await resolveEvent(context, values.event) : undefined;
        const contributions = await call(context, 'contributions:list', { eventId });
        if (values.json) console.log(JSON.stringify(contributions, null, 2));
        else for (const c of contributions) console.log([c.id, c.eventAcronym || c.eventName, c.status, c.title].join('\t'));
        return EXIT.ok;
      });
    default:
      throw new UsageError(`${t('cli.unknownCommand', { command })}\n${USAGE}`);
  }
}

/**
 * Reads the folder as the app would, without changing anything, and exits non-zero with the reason
 * for each fault: a damaged or foreign file, a damaged journal, a missing file with backups, a folder
 * that cannot be written.
 */
async function check(dataDir: string): Promise<number> {
  const store = await Store.open(dataDir, { readOnly: true, kind: 'cli' });
  try {
    const faults = store.notices.filter((n) => n.level !== 'info');
    printNotices(store);
    const writable = await fs.access(dataDir, fsConstants.W_OK).then(() => true, () => false);
    if (!writable) console.error(t('store.folderReadOnly'));
    const read = store.view();
    console.log(t('cli.checkOk', { events: read.events.list().length, people: read.people.list().length, participations: read.participations.list().length }));
    return faults.length > 0 || !writable ? EXIT.refused : EXIT.ok;
  } finally {
    await store.close();
  }
}

/** Writes a file a channel made (the CLI's host has no save dialog, so the bytes came back); never over an existing file. */
async function writeDelivered(file: string, result: Delivered): Promise<void> {
  if (result.delivery !== 'download') throw new AppError('errors.unexpected');
  await fs.writeFile(file, Buffer.from(result.content, 'base64'), { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
    throw new AppError(error.code === 'EEXIST' ? 'cli.outExists' : 'cli.fileNotReadable', { file });
  });
}

async function readInputFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw new AppError('cli.fileNotReadable', { file });
  }
}

/**
 * Records each letter as the review screen proposes it: the matching event linked (or a new one when the
 * letter gives its name and dates), every deadline kept. A file that fails is said and the others go on.
 */
async function importLetters(context: Context, files: string[], json: boolean | undefined): Promise<number> {
  const results: { file: string; invitationId: string | null; eventId: string | null; deadlines: number; duplicate: boolean }[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const reading = await call(context, 'letters:read', { fileName: path.basename(file), content: (await readInputFile(file)).toString('base64') });
      if (reading.duplicate) {
        await call(context, 'letters:discard', { draftId: reading.draftId });
        console.error(`${file}: ${t('letters.duplicate', { reference: reading.duplicate.reference || reading.duplicate.fileName })}`);
        results.push({ file, invitationId: reading.duplicate.id, eventId: null, deadlines: 0, duplicate: true });
        continue;
      }
      const { proposal } = reading;
      const saved = await call(context, 'letters:confirm', {
        draftId: reading.draftId,
        invitation: { ...nonNull(proposal.invitation) },
        event: eventChoiceOf(proposal),
        deadlines: proposal.deadlines.map(({ date, what, kind }) => ({ date, what, kind })),
      });
      results.push({ file, invitationId: saved.invitationId, eventId: saved.eventId, deadlines: saved.deadlineIds.length, duplicate: false });
    } catch (error) {
      failed += 1;
      console.error(`${file}: ${error instanceof AppError ? describe(error) : t('errors.unexpected')}`);
    }
  }
  if (json) console.log(JSON.stringify(results, null, 2));
  else for (const r of results) console.log([r.invitationId, r.eventId ?? '-', r.file].join('\t'));
  return failed > 0 ? EXIT.refused : EXIT.ok;
}

function nonNull<T extends object>(values: T): { [K in keyof T]: Exclude<T[K], null> | undefined } {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v ?? undefined])) as never;
}

function eventChoiceOf(proposal: LetterProposal): Input<'letters:confirm'>['event'] {
  const [match] = proposal.matches;
  if (match) return { link: match.id };
  const { event } = proposal;
  if (!event.name || !event.startDate || !event.endDate) return null;
  return {
    create: {
      name: event.name.slice(0, LIMITS.name), acronym: event.acronym ?? '', kind: event.kind,
      city: event.city ?? '', country: event.country ?? undefined, startDate: event.startDate, endDate: event.endDate, modality: event.modality,
    },
  };
}

/** --event takes an event's id or its acronym (any case), as the user knows it. */
async function resolveEvent(context: Context, reference: string): Promise<string> {
  const events = await call(context, 'events:list');
  const byId = events.find((e) => e.id === reference);
  if (byId) return byId.id;
  const byAcronym = events.filter((e) => e.acronym !== '' && e.acronym.toLowerCase() === reference.toLowerCase());
  if (byAcronym.length === 1) return byAcronym[0].id;
  throw new AppError(byAcronym.length === 0 ? 'cli.eventNotFound' : 'cli.eventAmbiguous', { event: reference });
}

function describeDelegation({ event, members, balance }: Output<'delegation:get'>): string {
  const share = (s: { share: number | null; count: number; known: number }) =>
    s.share === null ? t('balance.noData') : `${Math.round(s.share * 100)}% (${s.count}/${s.known})`;
  return [
    `${event.acronym || event.name}\t${event.name}\t${event.startDate} – ${event.endDate}`,
    ...members.map((m) => `  ${t(`delegation.role.${m.participation.role}`)}\t${m.person.givenName} ${m.person.familyName}`),
    `${t('balance.women')}: ${share(balance.women)}`,
    `${t('balance.womenInLeadership')}: ${share(balance.womenInLeadership)}`,
    `${t('balance.youth', { maxAge: balance.youth.maxAge, date: event.startDate })}: ${share(balance.youth)}`,
  ].join('\n');
}

function describe(error: AppError): string {
  const lines = [t(error.code, error.params)];
  for (const issue of error.issues) lines.push(`  ${issue.path}: ${t(issue.code, issue.params)}`);
  return lines.join('\n');
}

// process.exitCode, never process.exit(): a piped stdout (`events list --json | less`) is written in
// chunks after the last console.log returns, and exit() would cut it.
run(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    if (error instanceof UsageError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = EXIT.usage;
    } else if (error instanceof AppError) {
      console.error(describe(error));
      process.exitCode = error.code === 'store.locked' ? EXIT.locked : EXIT.refused;
    } else {
      console.error(t('errors.unexpected'));
      console.error(error);
      process.exitCode = EXIT.refused;
    }
  },
);
