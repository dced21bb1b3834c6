// When an event is, against today: what the Dashboard groups by and the Events list filters by.
export const WHEN = ['inProgress', 'upcoming', 'past'] as const;
export type When = (typeof WHEN)[number];

export function whenOf(event: { startDate: string; endDate: string }, today: string): When {
  if (event.endDate < today) return 'past';
  return event.startDate > today ? 'upcoming' : 'inProgress';
}
