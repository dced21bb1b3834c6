// A contribution the way a delegation drafts it: created for WTDC-25 on the board, moved along idea →
// drafting → internal review → approved → submitted → published (the ITU number asked for on the last
// step), each step dated in its history; and the event's contribution deadline (21 days before the
// opening, estimated from the rule) counting down, then overdue, as the clock moves (Playwright's
// clock, never a sleep).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createEvent, expect, strings, test, text } from './app';

const STEPS = ['idea', 'drafting', 'internalReview', 'approved', 'submitted', 'published'] as const;
const TITLE = 'Digital inclusion of persons with disabilities';

async function at(page: Page, instant: string): Promise<void> {
  await page.clock.setFixedTime(new Date(instant));
  await page.reload();
}

/** A date and a countdown as the page's own Intl writes them. */
function intl(page: Page, day: string, days: number): Promise<{ date: string; relative: string }> {
  return page.evaluate(([d, n]) => ({
    date: new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`)),
    relative: new Intl.RelativeTimeFormat('en', { numeric: 'auto' }).format(n as number, 'day'),
  }), [day, days] as const);
}

async function noViolations(page: Page, state: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${state}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
}

test('a contribution moved from the idea to its publication, each step in its history; its deadline due, then overdue, as the clock moves', async ({ app: page }) => {
  const s = strings('en');
  const status = (key: string) => text(s, `contributions.status.${key}`);
  await at(page, '2025-10-01T10:00:00Z');
  await createEvent(page, s, {
    name: 'World Telecommunication Development Conference',
    acronym: 'WTDC-25',
    startDate: '2025-11-17',
    endDate: '2025-11-28',
  });

  await page.getByRole('navigation').getByRole('link', { name: text(s, 'nav.contributions'), exact: true }).click();
  await expect(page.locator('#contributions-title')).toHaveText(text(s, 'contributions.title'));
  await expect(page.getByText(text(s, 'contributions.none'))).toBeVisible();

  // The event chosen in the filter is the new contribution's event.
  await page.locator('.filters').getByLabel(text(s, 'contributions.field.eventId')).selectOption({ label: 'WTDC-25' });
  await expect(page).toHaveURL(/eventId=/);
  await page.locator('summary', { hasText: text(s, 'contributions.new') }).click();
  const form = page.locator('.new-contribution form');
  await expect(form.locator('[name="eventId"] option:checked')).toHaveText('WTDC-25');
  // A title is required: main's rule, said on the field.
  await form.getByRole('button', { name: text(s, 'common.save') }).click();
  await expect(form).toContainText(text(s, 'errors.required'));
  await form.locator('[name="title"]').fill(TITLE);
  await form.locator('[name="agendaItem"]').fill('4');
  await form.locator('[name="type"]').selectOption('proposal');
  await form.getByRole('button', { name: text(s, 'common.save') }).click();

  const column = (key: string) => page.getByTestId(`column-${key}`);
  const card = page.getByTestId('contribution-card');
  await expect(column('idea').getByTestId('contribution-card')).toHaveCount(1);
  await expect(column('idea').getByRole('heading', { level: 3 })).toContainText(status('idea'));
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(STEPS.map((key) => new RegExp(`^${status(key)}`)));
  await expect(card).toContainText(text(s, 'contributions.type.proposal'));
  await expect(card).toContainText('WTDC-25');

  // WTDC-25 opens on 17 November: contributions are due 21 days before, on 27 October, 26 days from now.
  const soon = await intl(page, '2025-10-27', 26);
  expect(soon.relative).toBe('in 26 days');
  await expect(card.locator('.deadline-line')).toHaveText(`${text(s, 'contributions.due', soon)}${text(s, 'deadlines.estimatedBadge')}`);
  await expect(card.locator('.deadline-line')).not.toHaveClass(/overdue-text/);
  await noViolations(page, 'board');

  // Along the way, one step at a time: each button says where it moves which contribution.
  for (const [i, next] of STEPS.slice(1, -1).entries()) {
    await page.getByRole('button', { name: `${text(s, 'contributions.moveTo', { status: status(next) })} — ${TITLE}` }).click();
    await expect(column(next).getByTestId('contribution-card')).toHaveCount(1);
    await expect(column(STEPS[i]).getByTestId('contribution-card')).toHaveCount(0);
  }
  // Published needs ITU's document number: refused without it, said beside the card.
  const publish = page.getByRole('button', { name: `${text(s, 'contributions.moveTo', { status: status('published') })} — ${TITLE}` });
  await publish.click();
  await expect(card.getByRole('alert')).toHaveText(text(s, 'errors.publishedNeedsNumber'));
  await expect(column('submitted').getByTestId('contribution-card')).toHaveCount(1);
  await card.getByLabel(text(s, 'contributions.field.documentNumber')).fill('WTDC-25/12');
  await publish.click();
  await expect(column('published').getByTestId('contribution-card')).toHaveCount(1);
  await expect(card).toContainText('WTDC-25/12');
  await expect(card.getByRole('button', { name: new RegExp(text(s, 'contributions.moveTo', { status: '' })) })).toHaveCount(0);

  // Its details: the history lists the six steps, in order, each dated.
  await card.getByRole('button', { name: TITLE, exact: true }).click();
  const detail = page.getByTestId('contribution-detail');
  await expect(detail.getByRole('heading', { level: 2 })).toBeFocused();
  const history = page.getByTestId('contribution-history').getByRole('listitem');
  await expect(history).toHaveText(STEPS.map((key) => new RegExp(`^${text(s, 'contributions.historyStep', { status: status(key), date: '' })}[A-Z][a-z]{2} \\d{1,2}, \\d{4}$`)));
  // A co-signer added as a chip, saved with the rest.
  await detail.getByRole('combobox', { name: text(s, 'contributions.addCoSigner') }).selectOption('KE');
  await detail.getByRole('button', { name: text(s, 'contributions.addCoSigner') }).click();
  await detail.locator('[name="notes"]').fill('Co-sponsored with the Africa group.');
  const saving = page.waitForResponse((r) => decodeURIComponent(r.url()).endsWith('/api/contributions:update') && r.ok());
  await detail.getByRole('button', { name: text(s, 'common.save') }).click();
  await saving;
  await expect(detail.getByRole('button', { name: text(s, 'contributions.remove', { name: 'Kenya' }) })).toBeVisible();
  // A draft attached: kept by the app, listed under its own name.
  await detail.locator('input[type=file]').setInputFiles({ name: 'Projet de proposition.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('PK draft') });
  await expect(detail.getByTestId('contribution-files')).toContainText('Projet de proposition.docx');
  await noViolations(page, 'details');

  // The list, kept in the address: the status as a select, the deadline beside it.
  await page.getByRole('button', { name: text(s, 'contributions.list'), exact: true }).click();
  await expect(page).toHaveURL(/view=list/);
  const row = page.getByTestId('contribution-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('combobox', { name: `${text(s, 'contributions.field.status')} — ${TITLE}` })).toHaveValue('published');
  await expect(row.locator('.deadline-line')).toContainText(text(s, 'contributions.due', soon));
  await noViolations(page, 'list');

  // Three days past the deadline: the same line says it is overdue, in Intl's words.
  await at(page, '2025-10-30T10:00:00Z');
  await expect(page.getByRole('button', { name: text(s, 'contributions.list'), exact: true })).toHaveAttribute('aria-pressed', 'true');
  const late = await intl(page, '2025-10-27', -3);
  expect(late.relative).toBe('3 days ago');
  await expect(row.locator('.deadline-line')).toHaveText(`${text(s, 'contributions.due', late)}${text(s, 'deadlines.estimatedBadge')}`);
  await expect(row.locator('.deadline-line')).toHaveClass(/overdue-text/);
  await page.getByRole('button', { name: text(s, 'contributions.board'), exact: true }).click();
  await expect(card.locator('.deadline-line')).toContainText(text(s, 'contributions.due', late));

  // What was saved in the details is still there after the reload; deleted after a confirmation, the screen is empty again.
  await card.getByRole('button', { name: TITLE, exact: true }).click();
  await expect(detail.getByRole('button', { name: text(s, 'contributions.remove', { name: 'Kenya' }) })).toBeVisible();
  await expect(detail.locator('[name="notes"]')).toHaveValue('Co-sponsored with the Africa group.');
  await detail.getByRole('button', { name: text(s, 'common.delete') }).click();
  await page.locator('dialog.confirm').getByRole('button', { name: text(s, 'common.delete') }).click();
  await expect(page.getByText(text(s, 'contributions.none'))).toBeVisible();
  await expect(page.locator('#contributions-title')).toBeFocused();
});
