// The data banner: what the store says about the data folder, and the ways out it offers (restore, reopen).
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { AppStatus } from '../../main/api/contract';
import { createEvent, expect, setLanguage, strings, test, text } from './app';
import { startServer, type RunningServer } from './server';

const en = strings('en');
const WTDC = { name: 'World Telecommunication Development Conference', acronym: 'WTDC-25', startDate: '2025-11-17', endDate: '2025-11-28', city: 'Baku', country: 'AZ' };

async function appStatus(server: RunningServer): Promise<AppStatus> {
  const token = new URL(server.url).hash.replace('#token=', '');
  const response = await fetch(`${server.origin}/api/app:status`, { method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: '' });
  const result = (await response.json()) as { ok: true; value: AppStatus };
  expect(result.ok).toBe(true);
  return result.value;
}

/** File names are isolated in the banner's text, so that they stay one run in right-to-left text. */
const isolate = (name: string) => `\u2068${name}\u2069`;

/** The backup's time as the page writes it: Intl in the UI language, date and time. */
function dateTime(page: Page, iso: string, language: string): Promise<string> {
  return page.evaluate(
    ([i, l]) => new Intl.DateTimeFormat(l, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(i)),
    [iso, language],
  );
}

test('a data file that is not ours is kept aside, said so, and the empty app works', async ({ page, dataDir }) => {
  writeFileSync(path.join(dataDir, 'delegation-desk.json'), '{}');
  const server = await startServer(dataDir);
  try {
    await page.goto(server.url);
    const aside = readdirSync(dataDir).find((name) => /^delegation-desk\.foreign-.+\.json$/.test(name));
    expect(aside).toBeDefined();
    expect(readFileSync(path.join(dataDir, aside!), 'utf8')).toBe('{}');

    const notice = page.getByRole('alert').filter({ hasText: text(en, 'store.foreignNoBackup', { movedTo: isolate(aside!) }) });
    await expect(notice).toBeVisible();
    // An error stays until resolved: it cannot be dismissed.
    await expect(notice.getByRole('button', { name: text(en, 'common.dismiss') })).toHaveCount(0);

    await page.getByRole('link', { name: text(en, 'nav.events'), exact: true }).click();
    await expect(page.locator('main')).toContainText(text(en, 'events.empty'));
    await createEvent(page, en, WTDC);
    await page.getByRole('link', { name: text(en, 'nav.events'), exact: true }).click();
    await expect(page.getByRole('link', { name: WTDC.name })).toBeVisible();
  } finally {
    await server.stop();
  }
});

for (const language of ['en', 'ar']) {
  test(`a missing data file with a backup offers the restore, which brings the data back (${language})`, async ({ page, dataDir }) => {
    const first = await startServer(dataDir);
    await page.goto(first.url);
    await createEvent(page, en, WTDC);
    await first.stop();
    rmSync(path.join(dataDir, 'delegation-desk.json'));
    rmSync(path.join(dataDir, 'delegation-desk.journal'), { force: true });

    const second = await startServer(dataDir);
    try {
      const { restoreOffer } = await appStatus(second);
      expect(restoreOffer).toBeDefined();
      await page.goto(second.url);
      await expect(page.locator('nav a[aria-current="page"]')).toBeVisible();
      if (language !== 'en') await setLanguage(page, language);
      const s = strings(language);
      await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');

      const notice = page.getByRole('alert').filter({ hasText: text(s, 'store.missingWithBackups', { backup: isolate(restoreOffer!.name) }) });
      await expect(notice).toBeVisible();
      const restore = notice.getByRole('button', { name: text(s, 'store.restore', { date: await dateTime(page, restoreOffer!.createdAt, language) }) });
      await expect(restore).toBeVisible();
      if (language === 'ar') {
        // Mirrored: the text starts on the right, and the button comes after it, on the left.
        const button = await restore.boundingBox();
        const body = await notice.locator('.notice-body').boundingBox();
        expect(button!.x + button!.width).toBeLessThanOrEqual(body!.x + 1);
      }

      await restore.click();
      await expect(page.getByRole('status').filter({ hasText: text(s, 'store.restored') })).toBeVisible();
      await expect(page.locator('.data-banner')).toHaveCount(0);
      await page.getByRole('link', { name: text(s, 'nav.events'), exact: true }).click();
      await expect(page.getByRole('link', { name: WTDC.name })).toBeVisible();
      expect(existsSync(path.join(dataDir, 'delegation-desk.json'))).toBe(true);
    } finally {
      await second.stop();
    }
  });
}

test('saving an event with the same acronym and first day as another says so', async ({ app: page }) => {
  await createEvent(page, en, WTDC);
  await createEvent(page, en, { ...WTDC, name: 'WTDC again' });
  await expect(page.getByRole('status').filter({ hasText: text(en, 'warnings.duplicateEvent') })).toBeVisible();
});
