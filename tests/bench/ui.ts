// npm run bench:ui [-- --json]: the screens on the large file (200 events, 5,000 people, 20,000
// participations), in browser mode, driven by Playwright in Chromium. Medians of several runs after
// a warm-up; with --json, one object a line ({ name, value, unit }), names stable across versions.
import { chromium, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromiumLaunchOptions } from '../e2e/browser';
import { startServer } from '../e2e/server';
import { writeLargeFile } from './large-file';

const RUNS = 5;
const json = process.argv.includes('--json');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function report(name: string, value: number, unit: string, target?: string): void {
  const rounded = unit === 'ms' ? Math.round(value) : value;
  if (json) console.log(JSON.stringify({ name, value: rounded, unit }));
  else console.log(`${name.padEnd(34)} ${String(rounded).padStart(7)} ${unit.padEnd(3)} ${target ? `(target ${target})` : ''}`);
}

/** Watches the page for long tasks and slow input from now on (Long Tasks and Event Timing APIs). */
async function watchPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __bench: { longTasks: number[]; events: { name: string; duration: number }[] } };
    w.__bench = { longTasks: [], events: [] };
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.__bench.longTasks.push(e.duration))).observe({ type: 'longtask' });
    new PerformanceObserver((list) =>
      list.getEntries().forEach((e) => w.__bench.events.push({ name: e.name, duration: e.duration })),
    ).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
}

async function takeWatch(page: Page): Promise<{ longTasks: number[]; events: { name: string; duration: number }[] }> {
  return page.evaluate(() => {
    const w = window as unknown as { __bench: { longTasks: number[]; events: { name: string; duration: number }[] } };
    const taken = w.__bench;
    w.__bench = { longTasks: [], events: [] };
    return taken;
  });
}

/**
 * Changes the address's hash and times, inside the page, until `selector` is in the page and drawn
 * (measured at the next animation frame after it appears).
 */
async function timeNavigation(page: Page, hash: string, selector: string): Promise<number> {
  return page.evaluate(
    ([target, wanted]) =>
      new Promise<number>((resolve, reject) => {
        const start = performance.now();
        location.hash = target;
        const deadline = start + 20_000;
        const check = () => {
          if (document.querySelector(wanted)) return requestAnimationFrame(() => resolve(performance.now() - start));
          if (performance.now() > deadline) return reject(new Error(`${wanted} never appeared`));
          requestAnimationFrame(check);
        };
        check();
      }),
    [hash, selector] as const,
  );
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dd-bench-ui-'));
  const largest = writeLargeFile(dataDir);
  const server = await startServer(dataDir);
  const browser = await chromium.launch(chromiumLaunchOptions());
  // tsx names functions with a helper (__name) that the page does not have.
  const newContext = async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    await context.addInitScript('window.__name = (f) => f');
    return context;
  };
  try {
    const page = await (await newContext()).newPage();
    const peopleRows = '[data-testid="people-table"] tbody tr[data-index]';

    // Cold start: a fresh page on the large file until the Dashboard shows its counts.
    const cold: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const context = await newContext();
      const fresh = await context.newPage();
      const start = Date.now();
      await fresh.goto(server.url);
      await fresh.locator('#totals-title').waitFor();
      await fresh.getByText(/5,000 people/).waitFor();
      if (run > 0) cold.push(Date.now() - start);
      await context.close();
    }
    report('ui.coldStart', median(cold), 'ms', '< 600');

    // The floor under it: a new browser context and page showing one line of HTML, no app at all.
    const floor: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const start = Date.now();
      const context = await newContext();
      const blank = await context.newPage();
      await blank.setContent('<p>Delegation Desk</p>');
      await blank.locator('p').waitFor();
      if (run > 0) floor.push(Date.now() - start);
      await context.close();
    }
    report('ui.floor.emptyPage', median(floor), 'ms');

    await page.goto(server.url);
    await page.locator('#totals-title').waitFor();
    await watchPage(page);

    // People: from the Dashboard to the first rows drawn; the first visit loads the list, later ones show it from cache.
    const firstPeople = await timeNavigation(page, '#/people', peopleRows);
    const peopleTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await timeNavigation(page, '#/', '#totals-title');
      peopleTimes.push(await timeNavigation(page, '#/people', peopleRows));
    }
    const peopleWatch = await takeWatch(page);
    report('ui.people.firstShow', firstPeople, 'ms', '< 300');
    report('ui.people.show', median(peopleTimes), 'ms', '< 300');
    report('ui.people.domElements', await page.evaluate(() => document.getElementsByTagName('*').length), 'n');

    // A filter keystroke: the Event Timing API's duration, from the key to the next frame drawn.
    const search = page.getByRole('searchbox');
    await search.click();
    await takeWatch(page);
    for (const key of 'Given42') await page.keyboard.type(key, { delay: 80 });
    await page.waitForTimeout(600);
    const typing = await takeWatch(page);
    const keystrokes = typing.events.filter((e) => e.name === 'keydown' || e.name === 'keypress' || e.name === 'input' || e.name === 'keyup');
    report('ui.people.filterKeystroke.max', Math.max(0, ...keystrokes.map((e) => e.duration)), 'ms', '< 50');
    await search.fill('');
    await page.waitForTimeout(600);
    report('ui.people.longestTask', Math.max(0, ...peopleWatch.longTasks, ...typing.longTasks), 'ms', '< 100');

    // Back from a person: the list is shown again, scrolled where it was.
    const backTimes: number[] = [];
    let scrollKept = true;
    // Reached the way a user does, through the menu, so that the visit has its own history entry.
    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.locator(peopleRows).first().waitFor();
    const centre = () => page.evaluate(() => document.elementFromPoint(400, 450)?.closest('tr')?.textContent ?? '');
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(() => window.scrollTo(0, 6000));
      await page.waitForTimeout(200);
      const scrolled = await page.evaluate(() => window.scrollY);
      const seen = await centre();
      // A person in the middle of the window (a link outside it would scroll the page first).
      await page.evaluate(() => document.elementFromPoint(400, 450)?.closest('tr')?.querySelector('a')?.click());
      await page.locator('#person-form-title').waitFor();
      const back = await page.evaluate(
        ([wanted, y]) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            history.back();
            const check = () => {
              if (document.querySelector(wanted) && Math.abs(window.scrollY - y) < 5) {
                return requestAnimationFrame(() => resolve(performance.now() - start));
              }
              // Not back where it was within 5 s: the scroll position was lost.
              if (performance.now() - start > 5000) return resolve(-1);
              requestAnimationFrame(check);
            };
            check();
          }),
        [peopleRows, scrolled] as const,
      );
      // Kept means the same place and the same people in view.
      if (back < 0 || (await centre()) !== seen) scrollKept = false;
      backTimes.push(back);
    }
    const kept = backTimes.filter((v) => v >= 0);
    report('ui.people.back', kept.length > 0 ? median(kept) : Number.NaN, 'ms', '< 300');
    report('ui.people.back.scrollKept', scrollKept ? 1 : 0, 'bool');

    // The largest event: its page until the delegation's rows are drawn.
    const memberRows = '[data-testid="delegation-table"] tbody tr[data-index]';
    const eventTimes: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await timeNavigation(page, '#/', '#totals-title');
      await page.evaluate(() => window.scrollTo(0, 0));
      const time = await timeNavigation(page, `#/events/${largest}`, memberRows);
      if (run > 0) eventTimes.push(time);
    }
    report('ui.event.largest.show', median(eventTimes), 'ms', '< 500');

    // Adding a member: from the click on Add until the delegation's count and the balance have changed.
    const addTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const heading = page.locator('#delegation-title');
      const before = await heading.textContent();
      const box = page.locator('form.add-member input[role="combobox"]');
      await box.fill('Given');
      await page.locator('form.add-member [role="option"]').first().click();
      const add = page.locator('form.add-member').getByRole('button', { name: 'Add', exact: true });
      const time = await add.evaluate(
        (button, [oldHeading]) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            (button as HTMLButtonElement).click();
            const check = () => {
              if (document.querySelector('#delegation-title')?.textContent !== oldHeading) {
                return requestAnimationFrame(() => resolve(performance.now() - start));
              }
              if (performance.now() - start > 5000) return resolve(-1);
              requestAnimationFrame(check);
            };
            check();
          }),
        [before] as const,
      );
      addTimes.push(time);
    }
    report('ui.event.addMember', median(addTimes), 'ms', '< 200');
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
