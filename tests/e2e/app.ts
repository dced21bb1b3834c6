// Test helpers that drive the app through its screens, the way a user does.
import { expect, test as base, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, type RunningServer } from './server';

export type Strings = Record<string, unknown>;

export function strings(language: string): Strings {
  return JSON.parse(readFileSync(path.resolve(import.meta.dirname, `../../locales/${language}/app.json`), 'utf8'));
}

/** The text of a key, with {{placeholders}} filled, as i18next would (no plurals). */
export function text(s: Strings, key: string, values: Record<string, string> = {}): string {
  const found = key.split('.').reduce<unknown>((node, part) => (node as Strings)?.[part], s);
  if (typeof found !== 'string') throw new Error(`no string ${key}`);
  return found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}

interface Fixtures {
  dataDir: string;
  server: RunningServer;
  app: Page;
}

export const test = base.extend<Fixtures>({
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  server: async ({ dataDir }, use) => {
    const server = await startServer(dataDir);
    await use(server);
    await server.stop();
  },
  app: async ({ page, server }, use) => {
    await page.goto(server.url);
    await expect(page.locator('nav a[aria-current="page"]')).toBeVisible();
    await use(page);
  },
});

export { expect };

export async function setLanguage(page: Page, language: string): Promise<void> {
  await page.locator('.language select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

export async function fill(page: Page, values: Record<string, string>, scope = 'main form'): Promise<void> {
  const form = page.locator(scope).last();
  for (const [name, value] of Object.entries(values)) {
    const control = form.locator(`[name="${name}"]`);
    if ((await control.evaluate((el) => el.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
}

export interface EventFields {
  name: string;
  acronym?: string;
  kind?: string;
  startDate: string;
  endDate: string;
  city?: string;
  country?: string;
  website?: string;
}

export async function createEvent(page: Page, s: Strings, event: EventFields): Promise<void> {
  await page.getByRole('link', { name: text(s, 'nav.events'), exact: true }).click();
  await page.getByRole('link', { name: text(s, 'events.new') }).click();
  await fill(page, { kind: 'conference', ...event });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(page.locator('#event-title')).toContainText(event.name);
}

export interface PersonFields {
  givenName: string;
  familyName: string;
  gender?: string;
  birthDate?: string;
  function?: string;
  email?: string;
}

/** On an event's page: creates a person on the spot and puts them on the delegation. */
export async function addNewMember(page: Page, s: Strings, person: PersonFields, role: string): Promise<void> {
  const form = page.locator('form.add-member');
  await form.getByRole('button', { name: text(s, 'delegation.newPerson') }).click();
  await fill(page, { role, ...person }, 'form.add-member');
  await form.getByRole('button', { name: text(s, 'common.add'), exact: true }).click();
  await expect(page.getByTestId('delegation-table')).toContainText(person.familyName.toLocaleUpperCase());
  // Once added, the form closes its new-person fields, ready for the next member.
  await expect(form.locator('[name="givenName"]')).toHaveCount(0);
}

/** In the delegation's add form: searches People in the combobox and picks the option named `option`. */
export async function pickPerson(page: Page, query: string, option: string): Promise<void> {
  const box = page.locator('form.add-member input[role="combobox"]');
  await box.fill(query);
  await page.getByRole('option', { name: option }).click();
  await expect(box).toHaveValue(option);
}

/** The rows of the delegation table (not its cancelled members). */
export function memberRows(page: Page) {
  return page.getByTestId('delegation-table').locator('tbody tr:not(.spacer)');
}

export function balanceRow(page: Page, which: 'women' | 'women-leadership' | 'youth') {
  return page.getByTestId(`balance-${which}`);
}

/** A share as the page's own Intl writes it (the browser's ICU, not Node's). */
export function percent(page: Page, value: number, language: string): Promise<string> {
  return page.evaluate(
    ([v, l]) => new Intl.NumberFormat(l as string, { style: 'percent', maximumFractionDigits: 0 }).format(v as number),
    [value, language],
  );
}

/** People the searches must tell apart, put in through the app's own API (the setup, not the test). */
export async function seedPeople(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('delegation-desk-token');
    const call = (channel: string, input: unknown) =>
      fetch(`api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    await call('people:create', { title: 'Mr', givenName: 'Jean', familyName: 'Dupont', organisation: 'ARCEP', birthDate: '1970-02-03', gender: 'male' });
    await call('people:create', { givenName: 'Jean', familyName: 'Dupont', organisation: 'Ministère du Numérique', birthDate: '1988-05-06', gender: 'male' });
    await call('people:create', { givenName: 'Élodie', familyName: 'Jeanneret', organisation: 'ARCEP', gender: 'female', birthDate: '1999-01-01' });
  });
}

