// The dashboard of dates: the CL-24/44 calendar read from the letter and a WTDC-style event's rule-derived
// deadlines, in order, each with its countdown; a calendar file a foreign parser reads; the reminder on
// time; and the groups moving as the clock does (Playwright's clock, never a sleep). In all six languages.
import ICAL from 'ical.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { createEvent, expect, setLanguage, strings, test, text } from './app';

const CL_24_44 = path.resolve(import.meta.dirname, '../fixtures/letters/seeds/fr_CL-24-44_wtpf26-calendar-experts.txt');
const CALENDAR = ['2024-08-05', '2024-08-26', '2024-11-04', '2024-12-20', '2025-03-31', '2025-06-16', '2025-11-03', '2025-12-19', '2026-04-13'];
// WTDC-25 opens 2025-11-17: fellowship requests 6 weeks, visa letters 4 weeks, contributions 21 days before.
const WTDC_RULES = ['2025-10-06', '2025-10-20', '2025-10-27'];

async function at(page: Page, day: string): Promise<void> {
  await page.clock.setFixedTime(new Date(`${day}T09:00:00`));
  await page.reload();
}

/** The dates of the deadline rows shown, in screen order, as the page's own Intl writes them. */
async function expectedDates(page: Page, days: string[], language: string): Promise<string[]> {
  return page.evaluate(([list, lng]) => list.map((d) => new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`))), [days, language] as const);
}

test('the letter\'s calendar and the event\'s rule dates on the dashboard of dates, in order, in a calendar file, reminded on time', async ({ app: page }) => {
  const s = strings('en');
  await at(page, '2024-08-01');
  await page.getByRole('link', { name: text(s, 'nav.letters'), exact: true }).click();
  await page.locator('input[type=file]').setInputFiles(CL_24_44);
  await page.getByRole('link', { name: text(s, 'letters.import.review') }).click();
  const form = page.locator('form.review-form');
  await form.locator('[name="eventChoice"]').selectOption('none');
  await page.getByRole('button', { name: text(s, 'letters.review.confirm') }).click();
  await expect(page.locator('#letters-title')).toBeVisible();
  await createEvent(page, s, { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28' });

  await page.getByRole('navigation').getByRole('link', { name: text(s, 'nav.deadlines'), exact: true }).click();
  const items = page.getByTestId('deadline-item');
  const all = [...CALENDAR, ...WTDC_RULES].sort();
  await expect(items).toHaveCount(all.length);
  const dates = await items.locator('.deadline-when .strong').allTextContents();
  expect(dates).toEqual(await expectedDates(page, all, 'en'));
  await expect(page.getByTestId('deadlines-week')).toContainText('in 4 days');
  await expect(page.getByTestId('deadlines-overdue').getByTestId('deadline-item')).toHaveCount(0);
  await expect(page.getByTestId('deadline-item').filter({ hasText: text(s, 'rules.conference.contributions') })).toContainText(text(s, 'deadlines.estimatedBadge'));
  // The reminder: one deadline within the 7 days of the lead time.
  await expect(page.getByTestId('reminder-banner')).toContainText(text(s, 'deadlines.dueSoon', { days: '7', shown: '1' }));

  // A calendar file read by ical.js: one all-day event per deadline, each with its reminder.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: text(s, 'deadlines.exportIcs') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('deadlines.ics');
  const file = path.join(test.info().outputDir, 'deadlines.ics');
  await download.saveAs(file);
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
  const events = calendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  expect(events.map((e) => e.startDate.toString()).sort()).toEqual(all);
  expect(events.every((e) => e.startDate.isDate && e.component.getFirstSubcomponent('valarm') !== null)).toBe(true);

  // Four weeks later: the first two letter dates are overdue; ticking one off takes it off the list.
  await at(page, '2024-08-28');
  const overdue = page.getByTestId('deadlines-overdue').getByTestId('deadline-item');
  await expect(overdue).toHaveCount(2);
  await expect(overdue.first()).toContainText('23 days ago');
  await expect(page.getByTestId('reminder-banner')).toContainText(text(s, 'deadlines.dueSoon', { days: '7', shown: '2' }));
  await overdue.first().getByRole('checkbox').click();
  await expect(overdue).toHaveCount(1);
  await expect(items).toHaveCount(all.length - 1);

  // A date of the user's own for WTDC-25's contributions: it takes the estimate's place, not beside it.
  await page.getByText(text(s, 'deadlines.add')).click();
  const add = page.locator('.new-deadline form');
  await add.locator('[name="date"]').fill('10/24/2025');
  await add.locator('[name="what"]').fill('Contributions to our regional group');
  await add.locator('[name="kind"]').selectOption('contribution');
  await add.locator('[name="eventId"]').selectOption({ label: 'WTDC-25' });
  await add.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(items.filter({ hasText: 'Contributions to our regional group' })).toHaveCount(1);
  await expect(items.filter({ hasText: text(s, 'rules.conference.contributions') })).toHaveCount(0);
  await expect(items).toHaveCount(all.length - 1);
  // One with no event at all.
  await add.locator('[name="date"]').fill('09/15/2024');
  await add.locator('[name="what"]').fill('Internal coordination meeting');
  await add.locator('[name="eventId"]').selectOption('');
  await add.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(items.filter({ hasText: 'Internal coordination meeting' })).toContainText('in 18 days');

  // The same screen in every language: its groups named, its countdowns written by Intl.
  for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
    await setLanguage(page, language);
    const l = strings(language);
    await expect(page.locator('#deadlines-overdue')).toContainText(text(l, 'deadlines.group.overdue'));
    const yesterday = await page.evaluate((lng) => new Intl.RelativeTimeFormat(lng, { numeric: 'auto' }).format(-2, 'day'), language);
    await expect(overdue.first().locator('.countdown')).toHaveText(yesterday);
  }
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
});

for (const timezoneId of ['Pacific/Auckland', 'America/Los_Angeles']) {
  test.describe(`on a laptop in ${timezoneId}`, () => {
    test.use({ timezoneId });
    test('the rule dates are the same calendar days', async ({ app: page }) => {
      const s = strings('en');
      await at(page, '2025-10-01');
      await createEvent(page, s, { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28' });
      await page.getByRole('navigation').getByRole('link', { name: text(s, 'nav.deadlines'), exact: true }).click();
      const dates = page.getByTestId('deadline-item').locator('.deadline-when .strong');
      await expect(dates).toHaveCount(3);
      expect(await dates.allTextContents()).toEqual(await expectedDates(page, WTDC_RULES, 'en'));
      expect(await dates.allTextContents()).toEqual(['Oct 6, 2025', 'Oct 20, 2025', 'Oct 27, 2025']);
    });
  });
}
