// ITU letters, the way a user reads them in: one or many files, a bad file refused with its message,
// the review beside the letter's text, confirm, then the letter, its event and its deadlines listed.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, setLanguage, strings, test, text, type Strings } from './app';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/letters');
const seed = (name: string) => path.join(FIXTURES, 'seeds', name);
const CL_19_73 = seed('fr_CL-19-73_wtisd2020.txt');
const DM_24_1010_PDF = path.join(FIXTURES, 'pdf/seeds/fr_DM-24-1010_wtdc25-invitation-observers.pdf');
const CL_24_44 = seed('fr_CL-24-44_wtpf26-calendar-experts.txt');

async function openLetters(page: Page, s: Strings): Promise<void> {
  await page.getByRole('link', { name: text(s, 'nav.letters'), exact: true }).click();
  await expect(page.locator('#letters-title')).toHaveText(text(s, 'letters.title'));
}

const items = (page: Page) => page.getByTestId('import-item');

async function noViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('one letter: read in, reviewed beside its text, confirmed; its event, deadline and reply are listed', async ({ app: page }) => {
  const s = strings('en');
  await openLetters(page, s);
  await expect(page.getByText(text(s, 'letters.noneYet'))).toBeVisible();
  await page.locator('input[type=file]').setInputFiles(CL_19_73);
  await expect(items(page)).toHaveCount(1);
  await page.getByRole('link', { name: text(s, 'letters.import.review') }).click();

  await expect(page.locator('#review-title')).toBeFocused();
  const form = page.locator('form.review-form');
  await expect(form.locator('[name="invitation.reference"]')).toHaveValue('CL-19/73');
  await expect(form.locator('[name="invitation.letterDate"]')).toHaveValue('12/24/2019');
  await expect(form.locator('[name="invitation.contactEmail"]')).toHaveValue('strategy@itu.int');
  await expect(form.locator('[name="eventChoice"]')).toHaveValue('new');
  await expect(form.locator('[name="event.acronym"]')).toHaveValue('WTISD');
  await expect(form.locator('[name="event.startDate"]')).toHaveValue('05/17/2020');
  await expect(page.getByTestId('deadline-row')).toHaveCount(1);
  await expect(form.locator('[name="deadlines.0.date"]')).toHaveValue('02/14/2020');
  // The letter's text is there, each value highlighted where it was found.
  await expect(page.locator('.letter-text mark#snippet-reference')).toHaveText('CL-19/73');
  await page.getByRole('button', { name: text(s, 'letters.review.show') }).first().click();
  await expect(page.locator('.letter-text mark#snippet-reference')).toBeFocused();
  await noViolations(page, 'review');

  // The user corrects the reference before confirming.
  await form.locator('[name="invitation.reference"]').fill('CL-19/73 (SG)');
  await page.getByRole('button', { name: text(s, 'letters.review.confirm') }).click();
  await expect(page.locator('#letters-title')).toBeVisible();
  const table = page.getByTestId('letters-table');
  await expect(table).toContainText('CL-19/73 (SG)');
  await expect(table).toContainText('WTISD');

  await table.getByRole('link', { name: 'WTISD' }).click();
  const letters = page.locator('.event-letters');
  await expect(letters).toContainText('CL-19/73 (SG)');
  await expect(letters).toContainText('Feb 14, 2020');
  await expect(letters).toContainText(text(s, 'letters.deadline.source', { source: 'CL-19/73 (SG)' }));

  await page.getByRole('link', { name: text(s, 'nav.dashboard'), exact: true }).click();
  await expect(page.locator('section[aria-labelledby="awaiting-title"]')).toContainText('CL-19/73 (SG)');
});

test('many letters at once: progress, a line per file, bad files refused with their message, nothing written for them', async ({ app: page }) => {
  const s = strings('en');
  await openLetters(page, s);
  // A binary file renamed .txt, the PDF of a seed, a text letter, a 50 MB file and an empty one.
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dd-letters-'));
  const file = (name: string, bytes: Uint8Array) => (writeFileSync(path.join(dir, name), bytes), path.join(dir, name));
  await page.locator('input[type=file]').setInputFiles([
    file('photo.txt', Buffer.from([0, 1, 2, 3, 255, 0, 0, 7, 0, 0])),
    DM_24_1010_PDF,
    CL_24_44,
    file('huge.pdf', Buffer.alloc(50 * 1024 * 1024)),
    file('empty.txt', Buffer.alloc(0)),
  ]);
  await expect(page.getByText(text(s, 'letters.import.finished'))).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.import-progress progress')).toHaveAttribute('value', '5');
  await expect(items(page).nth(0)).toContainText(text(s, 'letters.notText', { name: 'photo.txt' }));
  await expect(items(page).nth(3)).toContainText(text(s, 'letters.tooLarge', { name: 'huge.pdf', max: '20' }));
  await expect(items(page).nth(4)).toContainText(text(s, 'letters.empty', { name: 'empty.txt' }));
  await expect(page.getByRole('link', { name: text(s, 'letters.import.review') })).toHaveCount(2);

  // The PDF: its event is proposed from the letter; confirming moves on to the next letter.
  await page.getByRole('link', { name: text(s, 'letters.import.review') }).first().click();
  const form = page.locator('form.review-form');
  await expect(form.locator('[name="invitation.reference"]')).toHaveValue('DM-24/1010');
  await expect(form.locator('[name="event.acronym"]')).toHaveValue('CMDT-25');
  await expect(form.locator('[name="event.city"]')).toHaveValue('Bakou');
  await expect(form.locator('[name="event.country"]')).toHaveValue('AZ');
  await expect(page.getByText(text(s, 'letters.review.englishAcronym', { acronym: 'WTDC-25' }))).toBeVisible();
  await page.getByRole('button', { name: text(s, 'letters.review.confirm') }).click();
  await expect(form.locator('[name="invitation.reference"]')).toHaveValue('CL-24/44');
  await expect(page.getByTestId('deadline-row')).toHaveCount(9);

  // CL-24/44 gives no dates for its forum: a new event cannot be made without them, and says so.
  await form.locator('[name="eventChoice"]').selectOption('new');
  await page.getByRole('button', { name: text(s, 'letters.review.confirm') }).click();
  await expect(form.locator('[name="event.startDate"]')).toBeFocused();
  await expect(form.locator('.field-invalid')).toHaveCount(2);
  await form.locator('[name="eventChoice"]').selectOption('none');
  // Two calendar steps are dropped before confirming.
  await form.locator('[name="deadlines.0.keep"]').uncheck();
  await form.locator('[name="deadlines.2.keep"]').uncheck();
  await page.getByRole('button', { name: text(s, 'letters.review.confirm') }).click();
  await expect(page.locator('#letters-title')).toBeVisible();
  await expect(page.getByTestId('letters-table').locator('tbody tr:not(.spacer)')).toHaveCount(2);

  // The same letter again is recognised, not recorded twice.
  await page.locator('input[type=file]').setInputFiles(CL_24_44);
  await expect(items(page).last()).toContainText(text(s, 'letters.duplicate', { reference: 'CL-24/44' }));
});

test('the review reads right to left in Arabic', async ({ app: page }) => {
  await setLanguage(page, 'ar');
  const s = strings('ar');
  await openLetters(page, s);
  await page.locator('input[type=file]').setInputFiles(CL_19_73);
  await page.getByRole('link', { name: text(s, 'letters.import.review') }).click();
  await expect(page.locator('#review-title')).toHaveText(text(s, 'letters.review.title'));
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  // The form is on the right, the letter on the left.
  const form = await page.locator('form.review-form').boundingBox();
  const letter = await page.locator('.review-text').boundingBox();
  expect(form!.x).toBeGreaterThan(letter!.x);
  await noViolations(page, 'review in Arabic');
});
