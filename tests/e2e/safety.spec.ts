import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addNewMember, createEvent, expect, fill, strings, test, text } from './app';
import { startServer } from './server';

const s = strings('en');
const WTDC = { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28', city: 'Baku', country: 'AZ' };

test('the data is still there after browser mode restarts', async ({ page, dataDir }) => {
  const first = await startServer(dataDir);
  await page.goto(first.url);
  await createEvent(page, s, WTDC);
  await addNewMember(page, s, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1998-03-02' }, 'head');
  await first.stop();

  const second = await startServer(dataDir);
  try {
    await page.goto(second.url);
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await page.getByRole('link', { name: WTDC.name }).click();
    await expect(page.getByTestId('delegation-table')).toContainText('ALIYEVA, Amina');
    await expect(page.getByTestId('delegation-table')).toContainText(text(s, 'delegation.role.head'));
  } finally {
    await second.stop();
  }
});

test('bad input is refused with its message, and nothing is written', async ({ app: page, dataDir }) => {
  // A new folder has no data file until the first change: nothing written means neither file appears nor changes.
  const dataFiles = () =>
    ['delegation-desk.json', 'delegation-desk.journal'].map((name) => {
      const file = path.join(dataDir, name);
      return existsSync(file) ? readFileSync(file, 'utf8') : null;
    });
  const before = dataFiles();

  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await page.getByRole('link', { name: text(s, 'events.new') }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('[name="name"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('main form')).toContainText(text(s, 'errors.required'));
  // Focus lands on the first field in error.
  await expect(page.locator('[name="name"]')).toBeFocused();

  await fill(page, { name: 'WTDC-25', kind: 'conference', startDate: '2025-11-28', endDate: '2025-11-17' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('main form')).toContainText(text(s, 'errors.endBeforeStart'));

  // The refused form is not dropped without a word: leaving it asks first, and staying keeps what was typed.
  await page.getByRole('link', { name: 'People', exact: true }).click();
  const leave = page.getByRole('dialog');
  await expect(leave).toContainText(text(s, 'form.leaveConfirm'));
  await leave.getByRole('button', { name: text(s, 'common.cancel') }).click();
  await expect(page.locator('[name="name"]')).toHaveValue('WTDC-25');
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await leave.getByRole('button', { name: text(s, 'form.leave') }).click();

  await page.getByRole('link', { name: text(s, 'people.new') }).click();
  await fill(page, { givenName: 'x'.repeat(10_000), familyName: 'Aliyeva', birthDate: '2999-01-01', email: 'amina.at.example' });
  // The field takes no more than the contract accepts (a 10,000-letter paste stops at 200).
  await expect(page.locator('[name="givenName"]')).toHaveValue('x'.repeat(200));
  await fill(page, { birthDate: '31/02/2001' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('main form')).toContainText(text(s, 'errors.dateInvalid'));
  await expect(page.locator('main form')).toContainText(text(s, 'errors.emailInvalid'));
  await expect(page.locator('[name="birthDate"]')).toHaveAttribute('aria-invalid', 'true');
  await fill(page, { birthDate: '2999-01-01' });
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.locator('main form')).toContainText(text(s, 'errors.birthDateFuture'));

  expect(dataFiles()).toEqual(before);
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await leave.getByRole('button', { name: text(s, 'form.leave') }).click();
  await expect(page.locator('main')).toContainText(text(s, 'people.empty'));
});

test('the page never navigates to another origin and makes no outside request', async ({ app: page, server }) => {
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.origin)) outside.push(request.url());
  });
  await createEvent(page, s, { ...WTDC, website: 'https://www.itu.int/wtdc25/' });
  const appUrl = page.url();

  await page.getByRole('link', { name: text(s, 'events.visit') }).click();
  await expect(page.getByText(text(s, 'external.notOpened', { url: 'https://www.itu.int/wtdc25/' }))).toBeVisible();
  expect(page.url()).toBe(appUrl);
  expect(new URL(page.url()).origin).toBe(server.origin);

  // A link to another origin injected into the page is held the same way.
  await page.evaluate(() => {
    const link = document.createElement('a');
    link.href = 'https://example.org/elsewhere';
    link.textContent = 'elsewhere';
    link.id = 'injected';
    document.querySelector('main')!.append(link);
  });
  await page.locator('#injected').click();
  await expect(page.getByText(text(s, 'external.notOpened', { url: 'https://example.org/elsewhere' }))).toBeVisible();
  expect(new URL(page.url()).origin).toBe(server.origin);
  expect(outside).toEqual([]);
});

test('the API refuses calls without the run token, and from other origins', async ({ server }) => {
  const call = (headers: Record<string, string>) =>
    fetch(`${server.origin}/api/events:list`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: '' });
  const token = new URL(server.url).hash.replace('#token=', '');
  expect((await call({})).status).toBe(401);
  expect((await call({ Authorization: 'Bearer wrong' })).status).toBe(401);
  expect((await call({ Authorization: `Bearer ${token}`, Origin: 'https://evil.example' })).status).toBe(403);
  const ok = await call({ Authorization: `Bearer ${token}` });
  expect(ok.status).toBe(200);
  expect(await ok.json()).toEqual({ ok: true, value: [] });
  // Files outside the built renderer are never served.
  const escape = await fetch(`${server.origin}/..%2f..%2fpackage.json`);
  expect(escape.status).toBe(404);
});

test('every control has a label', async ({ app: page }) => {
  for (const route of ['#/events/new', '#/people/new', '#/settings']) {
    await page.goto(new URL(route, page.url()).href);
    await expect(page.locator('main form').first()).toBeVisible();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((el) => (el as HTMLInputElement).labels?.length === 0 && !el.getAttribute('aria-label'))
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(unlabelled).toEqual([]);
  }
});

test('a damaged data file is moved aside, the newest good backup is loaded, and the user is told', async ({ page, dataDir }) => {
  const first = await startServer(dataDir);
  await page.goto(first.url);
  await createEvent(page, s, WTDC);
  await first.stop();
  // Each start backs the file up: this one holds the event.
  await (await startServer(dataDir)).stop();

  const file = path.join(dataDir, 'delegation-desk.json');
  writeFileSync(file, '{"schemaVersion":1,"events":[{"id":"half-writ');
  const third = await startServer(dataDir);
  try {
    await page.goto(third.url);
    const notice = page.getByRole('alert').filter({ hasText: 'The data file was damaged' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('delegation-desk.corrupt-');
    const aside = readdirSync(dataDir).find((name) => name.startsWith('delegation-desk.corrupt-'));
    expect(readFileSync(path.join(dataDir, aside!), 'utf8')).toBe('{"schemaVersion":1,"events":[{"id":"half-writ');
    await page.getByRole('link', { name: 'Events', exact: true }).click();
    await expect(page.getByRole('link', { name: WTDC.name })).toBeVisible();
  } finally {
    await third.stop();
  }
});

test('a data file from a newer version is refused with a message and left untouched', async ({ dataDir }) => {
  const file = path.join(dataDir, 'delegation-desk.json');
  const newer = JSON.stringify({ schemaVersion: 99, events: [], somethingNew: true });
  writeFileSync(file, newer);
  await expect(startServer(dataDir)).rejects.toThrow(/written by a newer version of Delegation Desk \(data version 99/);
  expect(readFileSync(file, 'utf8')).toBe(newer);
  expect(readdirSync(dataDir).filter((n) => n.includes('corrupt'))).toEqual([]);
});
