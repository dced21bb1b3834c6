// The .ics export is checked by reading it back with ical.js, a parser we did not write: what a
// calendar application would see (days, UIDs, alarms, texts), not what our own code believes it wrote.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarFile, icsFileName, type CalendarItem } from '../../main/calendar/ics';

const OPTIONS = { calendarName: 'Delegation deadlines', leadDays: 7 };

function item(fields: Partial<CalendarItem> = {}): CalendarItem {
  return {
    id: '5b0c6c1e-3c1f-4f59-9d1e-0f6b7f2a9c11',
    date: '2025-11-17',
    title: 'WTDC-25: contributions due',
    revision: 3,
    updatedAt: '2025-06-01T08:30:00.000Z',
    ...fields,
  };
}

function parse(ics: string): ICAL.Component {
  return new ICAL.Component(ICAL.parse(ics));
}

function events(ics: string): ICAL.Event[] {
  return parse(ics)
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent));
}

function only(ics: string): ICAL.Event {
  const all = events(ics);
  expect(all).toHaveLength(1);
  return all[0];
}

function day(time: ICAL.Time): string {
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function alarm(event: ICAL.Event): ICAL.Component | null {
  return event.component.getFirstSubcomponent('valarm');
}

function trigger(event: ICAL.Event): ICAL.Duration {
  const value = alarm(event)?.getFirstPropertyValue('trigger');
  if (!(value instanceof ICAL.Duration)) throw new Error(`No relative trigger: ${String(value)}`);
  return value;
}

// Each pair: the deadline and the day after it, which DTEND must name (exclusive end of an all-day event).
const DAYS: [string, string][] = [
  ['2025-11-17', '2025-11-18'],
  ['2025-01-31', '2025-02-01'],
  ['2025-04-30', '2025-05-01'],
  ['2025-02-28', '2025-03-01'],
  ['2024-02-28', '2024-02-29'],
  ['2024-02-29', '2024-03-01'],
  ['2025-12-31', '2026-01-01'],
  // The night the clocks change in both zones below: a local-midnight conversion would slip here.
  ['2025-04-06', '2025-04-07'],
  ['2025-11-02', '2025-11-03'],
];

// Far ahead of and far behind UTC: a date that went through a local Date would land a day off in one of them.
describe.each([
  ['Pacific/Auckland', -780],
  ['America/Los_Angeles', 480],
])('all-day events with the laptop in %s', (zone, januaryOffset) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it('really runs in that zone', () => {
    expect(new Date(2025, 0, 15, 12).getTimezoneOffset()).toBe(januaryOffset);
  });

  it.each(DAYS)('%s starts that day as a DATE and ends on %s', (date, next) => {
    const ics = calendarFile([item({ date })], OPTIONS);
    const event = only(ics);
    expect(event.startDate.isDate).toBe(true);
    expect(event.endDate.isDate).toBe(true);
    expect(day(event.startDate)).toBe(date);
    expect(day(event.endDate)).toBe(next);
    expect(ics).toContain(`\r\nDTSTART;VALUE=DATE:${date.replaceAll('-', '')}\r\n`);
    expect(ics).toContain(`\r\nDTEND;VALUE=DATE:${next.replaceAll('-', '')}\r\n`);
  });

  it('writes DTSTAMP and LAST-MODIFIED in UTC from updatedAt, whatever the zone', () => {
    const ics = calendarFile([item({ updatedAt: '2025-06-01T23:30:00.000Z' })], OPTIONS);
    expect(ics).toContain('\r\nDTSTAMP:20250601T233000Z\r\n');
    expect(ics).toContain('\r\nLAST-MODIFIED:20250601T233000Z\r\n');
  });
});

describe('UIDs and SEQUENCE', () => {
  it('derives the UID from the record id', () => {
    expect(only(calendarFile([item()], OPTIONS)).uid).toBe('5b0c6c1e-3c1f-4f59-9d1e-0f6b7f2a9c11@delegation-desk');
  });

  it('keeps the UID when the deadline changes, and raises SEQUENCE with the revision', () => {
    const before = only(calendarFile([item({ revision: 3 })], OPTIONS));
    const after = only(calendarFile([item({ revision: 4, title: 'WTDC-25: contributions due (moved)', date: '2025-11-20' })], OPTIONS));
    expect(after.uid).toBe(before.uid);
    expect(before.sequence).toBe(3);
    expect(after.sequence).toBe(4);
    expect(after.summary).toBe('WTDC-25: contributions due (moved)');
  });

  it('exports all items, each under its own UID, in one file', () => {
    const items = ['a', 'b', 'c'].map((id, i) => item({ id, revision: i, date: `2025-0${i + 1}-10` }));
    const all = events(calendarFile(items, OPTIONS));
    expect(all.map((e) => e.uid)).toEqual(['a@delegation-desk', 'b@delegation-desk', 'c@delegation-desk']);
    expect(all.map((e) => e.sequence)).toEqual([0, 1, 2]);
    expect(all.map((e) => day(e.startDate))).toEqual(['2025-01-10', '2025-02-10', '2025-03-10']);
  });

  it('gives the same file twice for the same data (no clock, no random UID)', () => {
    expect(calendarFile([item()], OPTIONS)).toBe(calendarFile([item()], OPTIONS));
  });
});

describe('reminders', () => {
  it('sets a display alarm at the lead time before the start', () => {
    const ics = calendarFile([item()], OPTIONS);
    const event = only(ics);
    expect(ics).toContain('\r\nTRIGGER:-P7D\r\n');
    expect(alarm(event)?.getFirstPropertyValue('action')).toBe('DISPLAY');
    expect(alarm(event)?.getFirstPropertyValue('description')).toBe('WTDC-25: contributions due');
    expect(trigger(event).toString()).toBe('-P7D');
    expect(trigger(event).toSeconds()).toBe(-7 * 86_400);
  });

  it('follows the lead time given', () => {
    const ics = calendarFile([item()], { ...OPTIONS, leadDays: 14 });
    expect(ics).toContain('\r\nTRIGGER:-P14D\r\n');
    expect(trigger(only(ics)).toSeconds()).toBe(-14 * 86_400);
  });

  it('puts a lead of 0 at the start of the day', () => {
    const ics = calendarFile([item()], { ...OPTIONS, leadDays: 0 });
    expect(ics).toContain('\r\nTRIGGER:PT0S\r\n');
    expect(trigger(only(ics)).toSeconds()).toBe(0);
  });

  it.each([-1, 1.5, Number.NaN])('refuses a lead time of %s', (leadDays) => {
    expect(() => calendarFile([item()], { ...OPTIONS, leadDays })).toThrow(RangeError);
  });
});

describe('done deadlines', () => {
  it('are kept as cancelled entries without an alarm, so that a re-import retracts them', () => {
    const [open, done] = events(calendarFile([item({ id: 'open' }), item({ id: 'done', done: true })], OPTIONS));
    expect(open.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(alarm(open)).not.toBeNull();
    expect(done.uid).toBe('done@delegation-desk');
    expect(done.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(alarm(done)).toBeNull();
  });

  it('do not block the day, like every deadline', () => {
    for (const event of events(calendarFile([item({ id: 'a' }), item({ id: 'b', done: true })], OPTIONS))) {
      expect(event.component.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    }
  });
});

describe('the calendar around the events', () => {
  it('is published under the calendar name given, with escaping', () => {
    const calendar = parse(calendarFile([item()], { ...OPTIONS, calendarName: 'Délégation; échéances, 2025' }));
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    // ical.js knows neither property and hands back the raw value: it is decoded as the TEXT both are.
    for (const name of ['x-wr-calname', 'name']) {
      const raw = calendar.getFirstPropertyValue(name);
      expect(raw).toBe('Délégation\\; échéances\\, 2025');
      expect(ICAL.design.icalendar.value.text.fromICAL(String(raw))).toBe('Délégation; échéances, 2025');
    }
    expect(calendar.getFirstPropertyValue('prodid')).toBe('-//Delegation Desk//Deadlines//EN');
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  it('takes another product id', () => {
    expect(parse(calendarFile([], { ...OPTIONS, productId: '-//Test//EN' })).getFirstPropertyValue('prodid')).toBe('-//Test//EN');
  });

  it('is a valid empty calendar when there is nothing to export', () => {
    const ics = calendarFile([], OPTIONS);
    expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    const calendar = parse(ics);
    expect(calendar.name).toBe('vcalendar');
    expect(calendar.getAllSubcomponents('vevent')).toHaveLength(0);
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Delegation deadlines');
  });
});

describe('texts', () => {
  const ARABIC = 'المنتدى العالمي لتنمية الاتصالات ٢٠٢٥: آخر موعد لتقديم المساهمات المكتوبة إلى مكتب تنمية الاتصالات';
  const CHINESE = '世界电信发展大会（WTDC-25）：书面文稿提交截止日期，请通过国家主管部门提交𠮷';

  it('keeps Arabic and Chinese titles, descriptions and categories intact through folding', () => {
    const ics = calendarFile(
      [
        item({ id: 'ar', title: ARABIC, description: ARABIC.repeat(3), categories: ['المساهمات'] }),
        item({ id: 'zh', title: CHINESE, description: CHINESE.repeat(3), categories: ['文稿'] }),
      ],
      OPTIONS,
    );
    const [ar, zh] = events(ics);
    expect(ar.summary).toBe(ARABIC);
    expect(ar.description).toBe(ARABIC.repeat(3));
    expect(ar.component.getFirstProperty('categories')?.getValues()).toEqual(['المساهمات']);
    expect(zh.summary).toBe(CHINESE);
    expect(zh.description).toBe(CHINESE.repeat(3));
    expect(alarm(zh)?.getFirstPropertyValue('description')).toBe(CHINESE);
  });

  it('writes lines of at most 75 octets, each ended by CRLF, folded between UTF-8 characters', () => {
    const ics = calendarFile([item({ title: ARABIC, description: CHINESE.repeat(4) })], { ...OPTIONS, calendarName: CHINESE });
    expect(ics.endsWith('\r\n')).toBe(true);
    const lines = ics.slice(0, -2).split('\r\n');
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A cut surrogate pair would not survive the trip through UTF-8.
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    // Folding fills lines: ics folds at 75 characters, which leaves Arabic lines at some 140 octets.
    const summary = lines.findIndex((line) => line.startsWith('SUMMARY:'));
    expect(Buffer.byteLength(lines[summary], 'utf8')).toBeGreaterThan(70);
  });

  it('escapes commas, semicolons, backslashes and newlines so that they come back as typed', () => {
    const description = 'From CL-24/44, annex 2; see C:\\ITU\\docs\nEstimated date\r\nCheck with the ministry\rthen send';
    const title = 'WTDC-25; contributions, first\\second';
    const event = only(calendarFile([item({ title, description, categories: ['Contributions, final', 'WTDC-25'] })], OPTIONS));
    expect(event.summary).toBe(title);
    expect(event.description).toBe('From CL-24/44, annex 2; see C:\\ITU\\docs\nEstimated date\nCheck with the ministry\nthen send');
    expect(event.component.getFirstProperty('categories')?.getValues()).toEqual(['Contributions, final', 'WTDC-25']);
    expect(alarm(event)?.getFirstPropertyValue('description')).toBe(title);
  });

  it('leaves out empty categories', () => {
    const ics = calendarFile([item({ categories: [] }), item({ id: 'b', categories: [' '] })], OPTIONS);
    expect(ics).not.toContain('CATEGORIES');
  });
});

describe('bad input', () => {
  it.each(['2025-02-29', '2025-13-01', '17/11/2025', '2025-11-17T00:00:00Z'])('refuses the date %s', (date) => {
    expect(() => calendarFile([item({ date })], OPTIONS)).toThrow(/date/);
  });

  it('refuses a change time that is not one', () => {
    expect(() => calendarFile([item({ updatedAt: 'yesterday' })], OPTIONS)).toThrow(RangeError);
  });

  it("passes on the ics package's own error as an Error", () => {
    let thrown: unknown;
    try {
      calendarFile([item({ revision: 1.5 })], OPTIONS);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toMatch(/sequence must be an integer/);
  });
});

describe('icsFileName', () => {
  const SAFE = /^[\p{L}\p{M}\p{N}-]+\.ics$/u;

  it.each([
    ['WTDC-25 / Baku', 'WTDC-25-Baku.ics'],
    ['../../etc', 'etc.ics'],
    ['', 'deadlines.ics'],
    ['..', 'deadlines.ics'],
    ['   ', 'deadlines.ics'],
    ['C:\\Windows\\system32', 'C-Windows-system32.ics'],
    ['المنتدى العالمي', 'المنتدى-العالمي.ics'],
  ])('%j gives %j', (base, name) => {
    expect(icsFileName(base)).toBe(name);
    expect(icsFileName(base)).toMatch(SAFE);
  });

  it('never gives a path', () => {
    for (const base of ['../../etc/passwd', '/etc/passwd', 'a\\b', 'con', 'x\0y', '.ics']) {
      const name = icsFileName(base);
      expect(name).toMatch(SAFE);
      expect(name).not.toMatch(/[/\\:\0]|^\./);
    }
  });
});
