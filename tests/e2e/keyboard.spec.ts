// The foundation's journey and the new searches, by keyboard alone, in English and in Arabic.
import type { Locator, Page } from '@playwright/test';
import { balanceRow, createEvent, expect, memberRows, pickPerson, seedPeople, setLanguage, strings, test, text } from './app';

/** Presses Tab until `target` has the focus (as a keyboard user does), or fails. */
async function tabTo(page: Page, target: Locator, max = 60): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${target}`);
}

for (const language of ['en', 'ar'] as const) {
  test(`the journey by keyboard alone, with search, in ${language}`, async ({ app: page }) => {
    test.setTimeout(120_000);
    await seedPeople(page);
    await setLanguage(page, language);
    const s = strings(language);
    const nav = (key: string) => page.getByRole('navigation').getByRole('link', { name: text(s, key), exact: true });

    // To Events and a new event: focus lands on each screen's heading.
    await tabTo(page, nav('nav.events'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#events-title')).toBeFocused();
    await tabTo(page, page.getByRole('link', { name: text(s, 'events.new') }));
    await page.keyboard.press('Enter');
    await expect(page.locator('#event-form-title')).toBeFocused();
    await tabTo(page, page.locator('[name="name"]'));
    await page.keyboard.type('World Telecommunication Development Conference');
    await page.keyboard.press('Tab');
    await page.keyboard.type('WTDC-25');
    await tabTo(page, page.locator('[name="startDate"]'));
    // Dates typed the language's way: day/month/year in Arabic, month/day/year in English.
    await page.keyboard.type(language === 'en' ? '11/17/2025' : '17/11/2025');
    await tabTo(page, page.locator('[name="endDate"]'));
    await page.keyboard.type(language === 'en' ? '11/28/2025' : '28/11/2025');
    await page.keyboard.press('Enter');
    await expect(page.locator('#event-title')).toBeFocused();
    await expect(page.locator('#event-title')).toContainText('World Telecommunication');

    // The person picker: type part of a name, tell the namesakes apart, choose with the arrows.
    const picker = page.locator('form.add-member input[role="combobox"]');
    await tabTo(page, picker);
    await page.keyboard.type('jean');
    const options = page.locator('form.add-member [role="option"]');
    await expect(options).toHaveCount(3);
    await expect(options.nth(0)).toContainText('ARCEP');
    await expect(options.nth(1)).toContainText('Numérique');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('Jean Dupont');
    // Which Jean Dupont: the one highlighted, told apart by organisation and year of birth.
    await expect(page.locator('form.add-member .combobox .field-hint')).toContainText('Numérique');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Home'); // Head of delegation: the first role.
    await tabTo(page, page.locator('form.add-member').getByRole('button', { name: text(s, 'common.add'), exact: true }));
    await page.keyboard.press('Enter');
    await expect(memberRows(page)).toHaveCount(1);
    await expect(memberRows(page)).toContainText(text(s, 'delegation.role.head'));
    // Ready for the next one: focus back in the search, the role back to delegate.
    await expect(picker).toBeFocused();
    await expect(page.locator('form.add-member select[name="role"]')).toHaveValue('delegate');

    await page.keyboard.type('elodie');
    await expect(options).toHaveCount(1);
    await page.keyboard.press('Enter');
    await expect(picker).toHaveValue('Élodie Jeanneret');
    await tabTo(page, page.locator('form.add-member').getByRole('button', { name: text(s, 'common.add'), exact: true }));
    await page.keyboard.press('Enter');
    await expect(memberRows(page)).toHaveCount(2);
    await expect(balanceRow(page, 'women')).toContainText('50');

    // People: the search finds "Mr Jean Dupont" by "jean", ignoring case and accents.
    await tabTo(page, nav('nav.people'));
    await page.keyboard.press('Enter');
    await expect(page.locator('#people-title')).toBeFocused();
    await tabTo(page, page.getByRole('searchbox'));
    await page.keyboard.type('JEANNERET');
    await expect(page.getByTestId('people-table').locator('tbody tr[data-index]')).toHaveCount(1);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('numerique');
    await expect(page.getByTestId('people-table').locator('tbody tr[data-index]')).toHaveCount(1);
    await expect(page.getByTestId('people-table')).toContainText('DUPONT');
  });
}

test('going back from a half-filled form asks first, and Escape stays with what was typed', async ({ app: page }) => {
  const s = strings('en');
  await setLanguage(page, 'en');
  await tabTo(page, page.getByRole('navigation').getByRole('link', { name: 'People', exact: true }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: text(s, 'people.new') }));
  await page.keyboard.press('Enter');
  await tabTo(page, page.locator('[name="givenName"]'));
  await page.keyboard.type('Amina');
  await page.goBack();
  await expect(page.getByRole('dialog')).toContainText(text(s, 'form.leaveConfirm'));
  await page.keyboard.press('Escape');
  await expect(page.locator('[name="givenName"]')).toHaveValue('Amina');
});

test('going through roles with the arrow keys saves once, the role chosen', async ({ app: page }) => {
  const s = strings('en');
  await seedPeople(page);
  await createEvent(page, s, { name: 'World Telecommunication Development Conference', startDate: '2025-11-17', endDate: '2025-11-28' });
  await pickPerson(page, 'elodie', 'Élodie Jeanneret');
  await page.locator('form.add-member').getByRole('button', { name: text(s, 'common.add'), exact: true }).click();
  await expect(memberRows(page)).toHaveCount(1);

  const saves: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('participations%3Aupdate') || request.url().includes('participations:update')) saves.push(request.postData() ?? '');
  });
  const role = page.getByLabel('Role — Élodie Jeanneret');
  await role.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('status')).toContainText(text(s, 'common.saved'));
  await page.waitForTimeout(1000);
  expect(saves).toHaveLength(1);
  expect(JSON.parse(saves[0])).toMatchObject({ role: 'observer' });
  await expect(role).toHaveValue('observer');
});
