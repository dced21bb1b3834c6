import { LANGUAGES } from '../../main/domain/enums';
import { addNewMember, balanceRow, createEvent, expect, fill, memberRows, percent, pickPerson, setLanguage, strings, test, text } from './app';

const WTDC = {
  name: 'World Telecommunication Development Conference',
  acronym: 'WTDC-25',
  startDate: '2025-11-17',
  endDate: '2025-11-28',
  city: 'Baku',
  country: 'AZ',
};

test('the first journey: an event, its delegation, and its balance as it is edited', async ({ app: page }, testInfo) => {
  const s = strings('en');
  await createEvent(page, s, WTDC);
  await expect(page.locator('.event-facts')).toContainText('Nov 17');
  await expect(page.locator('.event-facts')).toContainText('Baku, Azerbaijan');
  await expect(page.locator('.delegation')).toContainText(text(s, 'delegation.empty'));
  await expect(balanceRow(page, 'women')).toContainText(text(s, 'balance.noData'));

  // Aged 27 on the first day: young with the default threshold (29).
  await addNewMember(page, s, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1998-03-02', function: 'Director' }, 'head');
  await expect(balanceRow(page, 'women')).toContainText('100%');
  await expect(balanceRow(page, 'youth')).toContainText('100%');

  await addNewMember(page, s, { givenName: 'Rashad', familyName: 'Mammadov', gender: 'male', birthDate: '1975-06-01' }, 'deputyHead');
  await expect(balanceRow(page, 'women')).toContainText('50%');
  await expect(balanceRow(page, 'women')).toContainText('1 of 2');
  await expect(balanceRow(page, 'women-leadership')).toContainText('50%');
  await expect(balanceRow(page, 'youth')).toContainText('50%');

  // Someone already in People, with no date of birth: counted for gender, shown apart for age.
  await page.getByRole('link', { name: 'People', exact: true }).click();
  await page.getByRole('link', { name: text(s, 'people.new') }).click();
  await fill(page, { givenName: 'Leyla', familyName: 'Hasanova', gender: 'female' });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(page.locator('main table')).toContainText('HASANOVA, Leyla');
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await page.getByRole('link', { name: WTDC.name }).click();
  await pickPerson(page, 'leyla', 'Leyla Hasanova');
  await page.locator('form.add-member').getByRole('button', { name: 'Add', exact: true }).click();
  await expect(memberRows(page)).toHaveCount(3);
  await expect(balanceRow(page, 'women')).toContainText('67%');
  await expect(balanceRow(page, 'women')).toContainText('2 of 3');
  await expect(balanceRow(page, 'youth')).toContainText('1 of 2');
  await expect(balanceRow(page, 'youth')).toContainText('1 without date of birth');

  // Editing a role changes the leadership share at once.
  await page.getByLabel('Role — Rashad Mammadov').selectOption('delegate');
  await expect(balanceRow(page, 'women-leadership')).toContainText('100%');
  await expect(balanceRow(page, 'women-leadership')).toContainText('1 of 1');

  await page.screenshot({ path: testInfo.outputPath('journey-en.png'), fullPage: true });

  // Age is taken on the first day: moved to her 30th birthday, Amina is no longer counted as young.
  await page.getByRole('link', { name: text(s, 'common.edit') }).click();
  await fill(page, { startDate: '2028-03-02', endDate: '2028-03-10' });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(balanceRow(page, 'youth')).toContainText('0%');
  await expect(balanceRow(page, 'youth')).toContainText('0 of 2');
  await page.getByRole('link', { name: text(s, 'common.edit') }).click();
  await fill(page, { startDate: WTDC.startDate, endDate: WTDC.endDate });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(balanceRow(page, 'youth')).toContainText('1 of 2');

  // Removing someone asks first; cancelling keeps them.
  await page.getByRole('button', { name: 'Remove — Leyla Hasanova' }).click();
  await page.getByRole('dialog').getByRole('button', { name: text(s, 'common.cancel') }).click();
  await expect(memberRows(page)).toHaveCount(3);
  await page.getByRole('button', { name: 'Remove — Leyla Hasanova' }).click();
  await page.getByRole('dialog').getByRole('button', { name: text(s, 'common.remove') }).click();
  await expect(memberRows(page)).toHaveCount(2);
  await expect(balanceRow(page, 'women')).toContainText('1 of 2');

  // The youth threshold is a setting.
  await page.getByRole('link', { name: 'Settings', exact: true }).click();
  const general = 'form[aria-labelledby="general-title"]';
  await fill(page, { youthMaxAge: '25' }, general);
  await page.locator(general).getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toContainText(text(s, 'common.saved'));
  await page.getByRole('link', { name: 'Events', exact: true }).click();
  await page.getByRole('link', { name: WTDC.name }).click();
  await expect(balanceRow(page, 'youth')).toContainText('0%');
  await expect(balanceRow(page, 'youth')).toContainText('25');
});

test('the same event page in Arabic is laid out right to left', async ({ app: page }, testInfo) => {
  const en = strings('en');
  await createEvent(page, en, WTDC);
  await addNewMember(page, en, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1998-03-02' }, 'head');

  await setLanguage(page, 'ar');
  const ar = strings('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('#delegation-title')).toContainText(text(ar, 'delegation.title'));
  await expect(page.locator('.delegation thead')).toContainText(text(ar, 'delegation.field.role'));
  await expect(balanceRow(page, 'women')).toContainText(await percent(page, 1, 'ar'));
  // Right to left for real: the sidebar sits on the right of the content.
  const sidebar = await page.locator('.sidebar').boundingBox();
  const main = await page.locator('main').boundingBox();
  expect(sidebar!.x).toBeGreaterThan(main!.x);
  await page.screenshot({ path: testInfo.outputPath('journey-ar.png'), fullPage: true });

  // The choice is kept: a reload comes back in Arabic.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
});

for (const language of LANGUAGES) {
  test(`the journey works in ${language}`, async ({ app: page }) => {
    await setLanguage(page, language);
    const s = strings(language);
    await expect(page.getByRole('link', { name: text(s, 'nav.events'), exact: true })).toBeVisible();
    await createEvent(page, s, WTDC);
    await addNewMember(page, s, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female', birthDate: '1998-03-02' }, 'head');
    await addNewMember(page, s, { givenName: 'Rashad', familyName: 'Mammadov', gender: 'male', birthDate: '1975-06-01' }, 'deputyHead');
    await expect(balanceRow(page, 'women')).toContainText(await percent(page, 0.5, language));
    await expect(balanceRow(page, 'women')).toContainText(text(s, 'balance.women'));
    await expect(page.getByTestId('delegation-table')).toContainText(text(s, 'delegation.role.head'));
    // Dates are written by Intl in the chosen language.
    const range = await page.evaluate(
      (l) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(Date.UTC(2025, 10, 17), Date.UTC(2025, 10, 28)),
      language,
    );
    await expect(page.locator('.event-facts')).toContainText(range);
  });
}
