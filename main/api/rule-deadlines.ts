// Keeps an event's rule-derived deadlines in step with it, inside the transaction that changed it (the
// event, one of its deadlines, a letter, or the rules): one estimate per rule that applies, moved with
// the event's first day, gone where a letter or the user gave a real date of that kind.
import { effectiveRules, planRuleDeadlines, type EventRuleOverrides, type RuleEdits } from '../domain/deadline-rules';
import type { Tx } from '../store/model';

export function ruleEditsOf(settings: { ruleEdits: readonly { ruleId: string; enabled?: boolean; days?: number; months?: number }[] }): RuleEdits {
  return Object.fromEntries(settings.ruleEdits.map(({ ruleId, ...edit }) => [ruleId, edit]));
}

export function planEventDeadlines(tx: Tx, eventId: string | undefined): void {
  const event = eventId ? tx.events.find(eventId) : undefined;
  if (!event) return;
  const deadlines = tx.deadlines.where('eventId', event.id);
  const overrides: EventRuleOverrides = Object.fromEntries(event.rulesOff.map((ruleId) => [ruleId, { enabled: false }]));
  // A rule's deadline whose date the user changed keeps that date: the override of its rule for this event.
  for (const d of deadlines) if (d.ruleId && !d.estimated && !d.done) overrides[d.ruleId] = { date: d.date };
  const plan = planRuleDeadlines(
    event,
    deadlines.map((d) => ({ ...d, ruleId: d.ruleId || undefined })),
    { rules: effectiveRules(ruleEditsOf(tx.settings.get())), overrides },
  );
  for (const values of plan.create) tx.deadlines.create({ ...values, source: values.source.slice(0, 120) });
  for (const { id, date, estimated } of plan.update) tx.deadlines.update(id, { date, estimated });
  for (const id of plan.remove) tx.deadlines.delete(id);
}

/** After the rules themselves changed: every event's estimates again. */
export function planAllDeadlines(tx: Tx): void {
  for (const event of tx.events.list()) planEventDeadlines(tx, event.id);
}
