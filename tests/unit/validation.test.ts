// What a user types is checked in main, whatever the renderer did: a refused input comes back as
// translatable field issues, and nothing reaches the data file.
import { beforeEach, describe, expect, it } from 'vitest';
import type { Context, Host } from '../../main/api/channel';
import { dispatch } from '../../main/api/dispatch';
import { todayIso } from '../../main/domain/dates';
import type { ErrorPayload } from '../../main/errors';
import { contextFor, folderBytes, ok, onDisk, openStore, tempDir, wtdc25 } from './helpers';
import type { Store } from '../../main/store/store';

let dir: string;
let store: Store;
let context: Context;

beforeEach(async () => {
  dir = await tempDir();
  store = await openStore(dir);
  context = contextFor(store);
});

/**
 * Dispatches an input that must be refused; checks the data file is byte-identical afterwards and
 * that the payload carries no stack or file path. Returns the error payload.
 */
async function refused(channel: string, input: unknown): Promise<ErrorPayload> {
  const before = await folderBytes(dir);
  const result = await dispatch(channel, input, context);
  expect(await folderBytes(dir)).toEqual(before);
  if (result.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  const json = JSON.stringify(result);
  expect(json).not.toContain(dir);
  expect(json).not.toContain('at ');
  expect(json).not.toMatch(/stack/i);
  return result.error;
}

function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  return todayIso(date);
}

describe('required names', () => {
  it('refuses a person without given and family name', async () => {
    const error = await refused('people:create', { givenName: '', familyName: '   ' });
    expect(error.code).toBe('errors.validation');
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'givenName', code: 'errors.required' }),
      expect.objectContaining({ path: 'familyName', code: 'errors.required' }),
    ]);
  });

  it('refuses an event without a name', async () => {
    const error = await refused('events:create', { ...wtdc25, name: '' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'name', code: 'errors.required' })]);
  });
});

describe('dates', () => {
  it('refuses an event whose last day is before its first day, on the endDate field', async () => {
    const error = await refused('events:create', { ...wtdc25, startDate: '2025-11-28', endDate: '2025-11-17' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'endDate', code: 'errors.endBeforeStart' })]);
  });

  it('refuses an impossible date such as 30 February', async () => {
    const error = await refused('events:create', { ...wtdc25, startDate: '2025-02-30', endDate: '2025-03-02' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'startDate', code: 'errors.dateInvalid' })]);
  });

  it('refuses a date of birth in the future', async () => {
    const error = await refused('people:create', { givenName: 'Amina', familyName: 'Aliyeva', birthDate: tomorrow() });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'birthDate', code: 'errors.birthDateFuture' })]);
  });

  it('accepts a date of birth today', async () => {
    const person = await ok(context, 'people:create', { givenName: 'New', familyName: 'Born', birthDate: todayIso() });
    expect(person.birthDate).toBe(todayIso());
  });
});

describe('other fields', () => {
  it('refuses an invalid e-mail address', async () => {
    const error = await refused('people:create', { givenName: 'Amina', familyName: 'Aliyeva', email: 'amina@' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'email', code: 'errors.emailInvalid' })]);
  });

  it('refuses a 10,000-character name with errors.tooLong and its limit, 200', async () => {
    const error = await refused('people:create', { givenName: 'A'.repeat(10_000), familyName: 'Aliyeva' });
    expect(error.issues).toEqual([{ path: 'givenName', code: 'errors.tooLong', params: { max: 200 } }]);
  });

  it('refuses an unknown country code', async () => {
    const error = await refused('events:create', { ...wtdc25, country: 'XX' });
    expect(error.issues).toEqual([expect.objectContaining({ path: 'country', code: 'errors.countryInvalid' })]);
  });

  it('refuses a channel that does not exist', async () => {
    const error = await refused('events:drop', {});
    expect(error.code).toBe('errors.unknownChannel');
  });

  it('refuses adding the same person twice to one delegation', async () => {
    const event = await ok(context, 'events:create', wtdc25);
    const person = await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    await ok(context, 'participations:create', { eventId: event.id, personId: person.id, role: 'head' });

    const error = await refused('participations:create', { eventId: event.id, personId: person.id, role: 'delegate' });

    expect(error.code).toBe('errors.alreadyOnDelegation');
    expect((await ok(context, 'delegation:get', { eventId: event.id })).members).toHaveLength(1);
  });

  it('accepts the same input once it is valid, and saves it', async () => {
    const person = await ok(context, 'people:create', {
      givenName: '  Amina ',
      familyName: 'Aliyeva',
      email: 'amina.aliyeva@example.gov.az',
      nationality: 'AZ',
    });
    expect(person).toMatchObject({ givenName: 'Amina', email: 'amina.aliyeva@example.gov.az' });
    expect((await onDisk(dir)).people).toEqual([expect.objectContaining({ id: person.id, givenName: 'Amina' })]);
  });
});

describe('errors that come back', () => {
  it('never carry a file path or stack, even when the disk fails', async () => {
    await ok(context, 'people:create', { givenName: 'Amina', familyName: 'Aliyeva' });
    await store.close();
    const failing = await openStore(dir, {
      fileOps: {
        rename: async (from) => {
          throw Object.assign(new Error(`EACCES: permission denied, rename '${from}'`), { code: 'EROFS' });
        },
        datasync: async () => {
          throw Object.assign(new Error(`ENOSPC: no space left on device, write '${dir}'`), { code: 'ENOSPC' });
        },
      },
    });
    context = contextFor(failing);

    const error = await refused('people:create', { givenName: 'Rustam', familyName: 'Mammadov' });

    expect(error).toEqual({ code: 'store.writeFailed', message: 'store.writeFailed', params: {}, issues: [] });
  });
});

describe('app:openExternal', () => {
  function recordingHost(): Host & { opened: string[] } {
    const opened: string[] = [];
    return { version: 'test', shell: 'web', opened, openExternal: async (url) => (opened.push(url), true) };
  }

  it('passes http(s) addresses to the host', async () => {
    const host = recordingHost();
    const withHost = { ...context, host };

    expect(await ok(withHost, 'app:openExternal', { url: 'https://www.itu.int/wtdc25/' })).toEqual({ opened: true });
    expect(await ok(withHost, 'app:openExternal', { url: 'http://www.itu.int/' })).toEqual({ opened: true });

    expect(host.opened).toEqual(['https://www.itu.int/wtdc25/', 'http://www.itu.int/']);
  });

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'mailto:someone@example.org', 'itu.int', 'https://'])(
    'never passes %s to the host',
    async (url) => {
      const host = recordingHost();

      const result = await dispatch('app:openExternal', { url }, { ...context, host });

      expect(result).not.toEqual({ ok: true, value: { opened: true } });
      expect(host.opened).toEqual([]);
    },
  );
});
