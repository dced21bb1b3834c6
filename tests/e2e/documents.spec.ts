// An event's nomination letter: what it lacks shown first as things to fix, fixed in Settings, then the
// letter written in the language chosen for it (Arabic, right to left), downloaded with its reference.
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { addNewMember, createEvent, expect, fill, setLanguage, strings, test, text } from './app';

test('the nomination letter: things to fix first, then the letter in Arabic with its reference', async ({ app: page }) => {
  const s = strings('en');
  await createEvent(page, s, { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28' });
  const item = page.getByTestId('document-nomination');
  await expect(item).toContainText(text(s, 'documents.missing.noMembers'));
  await expect(item.getByRole('button', { name: text(s, 'documents.make') })).toBeDisabled();
  await addNewMember(page, s, { givenName: 'Aïssatou', familyName: 'Diallo', gender: 'female' }, 'head');
  await expect(item).not.toContainText(text(s, 'documents.missing.noMembers'));

  await item.getByRole('link', { name: text(s, 'documents.missing.noSignatory') }).click();
  await expect(page.locator('#settings-title')).toBeVisible();
  await fill(page, { administration: 'Ministère du Numérique', signatoryName: 'Awa Ndiaye', signatoryTitle: 'Ministre', place: 'Dakar', referencePattern: 'MN/{year}/{seq:3}' }, 'form[aria-labelledby="profile-title"]');
  await page.locator('form[aria-labelledby="profile-title"]').getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(page.getByRole('status')).toContainText(text(s, 'common.saved'));
  await page.getByRole('navigation').getByRole('link', { name: text(s, 'nav.events'), exact: true }).click();
  await page.getByRole('link', { name: 'World Telecommunication Development Conference' }).click();

  await expect(item.locator('.missing')).toHaveCount(0);
  await page.getByLabel(text(s, 'documents.language')).selectOption('ar');
  const downloading = page.waitForEvent('download');
  await item.getByRole('button', { name: text(s, 'documents.make') }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('WTDC-25-nomination-ar.docx');
  const file = path.join(test.info().outputDir, download.suggestedFilename());
  await download.saveAs(file);
  const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']);
  expect(xml).toContain('Aïssatou');
  expect(xml).toContain('<w:bidi/>');
  const year = new Date().getFullYear();
  expect(xml).toContain(`MN/${year}/001`);
  await expect(page.getByTestId('documents-issued')).toContainText(`MN/${year}/001`);

  await setLanguage(page, 'ar');
  const ar = strings('ar');
  await expect(page.locator('#documents-title')).toHaveText(text(ar, 'documents.title'));
  await page.locator('.event-documents').screenshot({ path: path.join(test.info().outputDir, 'documents-ar.png') });
});
