// axe-core on every screen, in English and in Arabic (right to left): no violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { addNewMember, createEvent, expect, seedPeople, setLanguage, strings, test, text } from './app';

const WTDC = { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28', city: 'Baku', country: 'AZ' };

async function noViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const found = violations.map((v) => `${state}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  expect(found).toEqual([]);
}

for (const language of ['en', 'ar'] as const) {
  test(`every screen passes axe in ${language}`, async ({ app: page }) => {
    test.setTimeout(120_000);
    const en = strings('en');
    await seedPeople(page);
    await createEvent(page, en, WTDC);
    await addNewMember(page, en, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1998-03-02' }, 'head');
    await addNewMember(page, en, { givenName: 'Rashad', familyName: 'Mammadov', gender: 'male' }, 'delegate');
    await page.getByLabel('Registration — Rashad Mammadov').selectOption('cancelled');
    await expect(page.getByTestId('cancelled-table')).toBeVisible();
    await setLanguage(page, language);
    const s = strings(language);

    await noViolations(page, 'event page');
    const picker = page.locator('form.add-member input[role="combobox"]');
    await picker.fill('jean');
    await expect(page.locator('form.add-member [role="option"]')).toHaveCount(3);
    await noViolations(page, 'person picker open');
    await picker.fill('nobody at all');
    await expect(page.locator('form.add-member .listbox-footer')).toHaveText(text(s, 'delegation.noMatch'));
    await noViolations(page, 'person picker, no match');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: text(s, 'common.delete') }).first().click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await noViolations(page, 'confirm dialog');
    await page.getByRole('dialog').getByRole('button', { name: text(s, 'common.cancel') }).click();

    await page.getByRole('link', { name: text(s, 'common.edit') }).click();
    await expect(page.locator('#event-form-title')).toBeVisible();
    await noViolations(page, 'event form');

    const nav = (key: string) => page.getByRole('navigation').getByRole('link', { name: text(s, key), exact: true });
    await nav('nav.dashboard').click();
    await expect(page.locator('#totals-title')).toBeVisible();
    await noViolations(page, 'dashboard');
    await nav('nav.events').click();
    await expect(page.getByTestId('events-table')).toBeVisible();
    await noViolations(page, 'events');
    await page.getByRole('link', { name: text(s, 'events.new') }).click();
    await page.getByRole('button', { name: text(s, 'common.save') }).click();
    await expect(page.locator('[aria-invalid="true"]').first()).toBeFocused();
    await noViolations(page, 'event form with errors');
    await nav('nav.people').click();
    await expect(page.getByTestId('people-table')).toBeVisible();
    await noViolations(page, 'people');
    await page.getByRole('searchbox').fill('zzz');
    await expect(page.locator('main')).toContainText(text(s, 'search.noMatch'));
    await noViolations(page, 'people, nothing found');
    await page.getByRole('link', { name: text(s, 'people.new') }).click();
    await expect(page.locator('#person-form-title')).toBeVisible();
    await noViolations(page, 'person form');
    await nav('nav.settings').click();
    await expect(page.locator('#settings-title')).toBeVisible();
    await noViolations(page, 'settings');
    await nav('nav.deadlines').click();
    await expect(page.getByTestId('deadlines-overdue')).toBeVisible();
    await noViolations(page, 'deadlines');
    await page.locator('.deadlines-page > .actions select').selectOption({ label: 'WTDC-25' });
    await page.locator('.new-deadline summary').click();
    await expect(page.locator('.timeline')).toBeVisible();
    await noViolations(page, 'deadlines of an event, with its timeline and the new-deadline form');
    await nav('nav.contributions').click();
    await expect(page.locator('#contributions-title')).toBeVisible();
    await noViolations(page, 'contributions');
  });

  test(`the address without its token says how to open the app, and passes axe, in ${language}`, async ({ page, server }) => {
    await page.goto(`${server.origin}/`);
    await page.evaluate((l) => Object.defineProperty(navigator, 'languages', { value: [l] }), language);
    await page.addInitScript((l) => Object.defineProperty(navigator, 'languages', { value: [l] }), language);
    await page.reload();
    const s = strings(language);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(text(s, 'howToOpen.title'));
    await expect(page.locator('body')).not.toContainText(text(s, 'nav.people'));
    await noViolations(page, 'how to open');
  });
}
