// A person's passport kept out of sight until asked for, and each member's details on a delegation.
import path from 'node:path';
import { addNewMember, balanceRow, createEvent, expect, fill, memberRows, strings, test, text } from './app';

test('the passport number is masked until shown; an expiring passport and a missing head are pointed out; a member\'s details are kept', async ({ app: page }) => {
  const s = strings('en');
  await createEvent(page, s, { name: 'World Radiocommunication Conference', acronym: 'WRC-27', startDate: '2027-10-18', endDate: '2027-11-12' });
  await addNewMember(page, s, { givenName: 'Amina', familyName: 'Aliyeva', gender: 'female' }, 'delegate');
  await expect(page.getByText(text(s, 'delegation.noHead'))).toBeVisible();
  await expect(page.getByTestId('balance-benchmark')).toHaveText(text(s, 'balance.benchmark', { share: '22%', edition: 'WRC-23' }));
  await page.locator('.balance-more summary').click();
  await expect(page.locator('.composition')).toContainText(text(s, 'balance.roleCounts', { women: '1', men: '0', other: '0' }));

  // The passport, typed on the person's page: after saving, only its last characters are shown.
  await memberRows(page).first().getByRole('link', { name: 'ALIYEVA, Amina' }).click();
  await fill(page, { passportNumber: 'C01234521', passportExpires: '01/15/2028' });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await page.getByRole('link', { name: 'ALIYEVA, Amina' }).click();
  await expect(page.locator('[name="passportNumber"]')).toHaveValue('');
  await expect(page.getByText(text(s, 'people.passportMasked', { masked: '•••• 4521' }))).toBeVisible();
  await expect(page.locator('body')).not.toContainText('C01234521');
  await page.getByRole('button', { name: text(s, 'people.showPassport') }).click();
  await expect(page.locator('[name="passportNumber"]')).toHaveValue('C01234521');
  await expect(page.locator('.person-events')).toContainText('WRC-27');

  await page.locator('.person-events').getByRole('link', { name: 'WRC-27' }).click();
  await expect(memberRows(page).first()).toContainText(text(s, 'delegation.passport.expiresWithinSixMonths'));
  await page.getByRole('link', { name: `${text(s, 'delegation.details')} — Amina Aliyeva` }).click();
  await fill(page, { vip: 'MIN', visa: 'letterRequested', arrival: '10/16/2027', departure: '10/01/2027' });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(page.locator('[name="departure"]')).toBeFocused();
  await expect(page.getByText(text(s, 'errors.departureBeforeArrival'))).toBeVisible();
  await fill(page, { departure: '11/13/2027' });
  await page.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(page.locator('#event-title')).toBeVisible();
  await page.getByRole('link', { name: `${text(s, 'delegation.details')} — Amina Aliyeva` }).click();
  await expect(page.locator('[name="vip"]')).toHaveValue('MIN');
  await expect(page.locator('[name="visa"]')).toHaveValue('letterRequested');
});

test('two records of one person are pointed out on the person\'s page and merged into one', async ({ app: page }) => {
  const s = strings('en');
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('delegation-desk-token');
    const call = (channel: string, input: unknown) =>
      fetch(`api/${channel}`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });
    await call('people:create', { givenName: 'Jean', familyName: 'Dupont', organisation: 'ARCEP' });
    await call('people:create', { givenName: 'JEAN', familyName: 'Dupont', birthDate: '1970-02-03', gender: 'male' });
  });
  await page.getByRole('link', { name: text(s, 'nav.people'), exact: true }).click();
  await page.getByRole('link', { name: 'DUPONT, Jean' }).first().click();
  const duplicates = page.locator('.person-duplicates');
  await expect(duplicates).toContainText('Dupont');
  await duplicates.getByRole('button', { name: text(s, 'people.mergeInto') }).click();
  await page.getByRole('dialog').getByRole('button', { name: text(s, 'people.merge') }).click();
  await expect(page.getByRole('status')).toContainText('Merged.');
  await expect(duplicates).toHaveCount(0);
  await page.getByRole('link', { name: text(s, 'nav.people'), exact: true }).click();
  await expect(page.locator('main table tbody tr:not(.spacer)')).toHaveCount(1);
});

test('a ministry\'s 40-row French sheet goes in: three bad rows corrected in the preview, the balance follows, and an export reads back as the same people', async ({ app: page }) => {
  const s = strings('en');
  await createEvent(page, s, { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28' });
  await addNewMember(page, s, { givenName: 'Karim', familyName: 'Benali', gender: 'male' }, 'delegate');
  await expect(balanceRow(page, 'women')).toContainText(text(s, 'balance.ofKnown', { shown: '0', known: '1' }));
  await page.getByRole('link', { name: text(s, 'people.importLink') }).click();
  await expect(page.locator('#import-people-title')).toBeFocused();
  await page.locator('input[type=file]').setInputFiles(path.resolve(import.meta.dirname, '../fixtures/people/fr-utf8.csv'));
  await expect(page.getByText(text(s, 'peopleImport.summary', { rows: '40', good: '37', bad: '3' }))).toBeVisible();
  await expect(page.locator('.mapping select.unmapped')).toHaveCount(0);
  await expect(page.getByTestId('import-preview')).not.toContainText('A1000000');

  // Each bad row corrected where it is shown: a missing given name, 31 February, an unknown role.
  const corrections: [string, string, string][] = [
    ['8', 'people.field.givenName', 'Ousmane'],
    ['21', 'people.field.birthDate', '28/02/1990'],
    ['34', 'delegation.field.role', 'Délégué'],
  ];
  await page.getByLabel(text(s, 'peopleImport.onlyProblems')).check();
  await expect(page.getByTestId('import-preview').locator('tbody tr:not(.spacer)')).toHaveCount(3);
  for (const [line, field, value] of corrections) {
    await page.getByRole('button', { name: text(s, 'peopleImport.correctLine', { line }) }).click();
    const form = page.locator('.row-correction');
    await expect(form.getByRole('textbox').first()).toBeFocused();
    await form.getByLabel(text(s, field)).fill(value);
    await form.getByRole('button', { name: text(s, 'peopleImport.apply') }).click();
    await expect(form).toHaveCount(0);
  }
  await expect(page.getByText(text(s, 'peopleImport.summary', { rows: '40', good: '40', bad: '0' }))).toBeVisible();
  await page.getByLabel(text(s, 'peopleImport.event')).selectOption({ label: 'WTDC-25' });
  await page.getByRole('button', { name: text(s, 'peopleImport.importGood', { shown: '40' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: '40 people added' }).first()).toBeVisible();
  await page.getByRole('link', { name: text(s, 'peopleImport.toEvent') }).click();
  await expect(page.locator('#delegation-title')).toContainText('41');
  // 21 women among the 40 of the sheet, and Karim.
  await expect(balanceRow(page, 'women')).toContainText(text(s, 'balance.ofKnown', { shown: '21', known: '41' }));

  // A passport number, shown only when asked for.
  await page.getByRole('link', { name: 'DIALLO, Aïssatou' }).click();
  await expect(page.locator('body')).not.toContainText('A1000000');
  await page.getByRole('button', { name: text(s, 'people.showPassport') }).click();
  await expect(page.locator('[name="passportNumber"]')).toHaveValue('A1000000');
  await page.goBack();

  // Out as Excel, and back in: everyone is recognised, no one is added twice.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: text(s, 'delegation.export.xlsx') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('WTDC-25-delegation.xlsx');
  const exported = path.join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(exported);
  await page.getByRole('link', { name: text(s, 'people.importLink') }).click();
  await page.locator('input[type=file]').setInputFiles(exported);
  await expect(page.getByText(text(s, 'peopleImport.summary', { rows: '41', good: '41', bad: '0' }))).toBeVisible();
  await expect(page.getByTestId('import-preview')).not.toContainText(text(s, 'peopleImport.ready'));
  await page.getByRole('button', { name: text(s, 'peopleImport.importGood', { shown: '41' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: '0 people added, 41 already recorded, 0 put on the delegation' }).first()).toBeVisible();
  await page.getByRole('link', { name: text(s, 'nav.people'), exact: true }).click();
  await expect(page.locator('.count').first()).toContainText('41');
});

test('a sheet of 100,000 rows is refused at once with its size, and the template comes headed in the language chosen', async ({ app: page }) => {
  const s = strings('en');
  await page.getByRole('link', { name: text(s, 'nav.people'), exact: true }).click();
  await page.getByRole('link', { name: text(s, 'people.importLink') }).click();
  const rows = Array.from({ length: 100_000 }, (_, i) => `Given${i};Family${i};F`).join('\n');
  await page.locator('input[type=file]').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.from(`Prénom;Nom;Sexe\n${rows}\n`) });
  await expect(page.getByRole('alert')).toHaveText(text(s, 'peopleImport.tooManyRows', { found: '100,000', max: '20,000' }));

  await page.getByLabel(text(s, 'peopleTemplate.language')).selectOption('fr');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: text(s, 'peopleTemplate.download') }).click();
  const template = await downloading;
  expect(template.suggestedFilename()).toBe('Personnes-template-fr.xlsx');
  const saved = path.join(test.info().outputDir, template.suggestedFilename());
  await template.saveAs(saved);
  // Read back by the app: a sheet with its columns and no one in it.
  await page.locator('input[type=file]').setInputFiles(saved);
  await expect(page.getByRole('alert')).toHaveText(text(s, 'peopleImport.empty'));
});
