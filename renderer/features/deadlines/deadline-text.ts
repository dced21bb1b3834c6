// A deadline's "what" in the user's language: a rule's own words where it comes from a rule.
import type { TFunction } from 'i18next';

export function deadlineText(t: TFunction, d: { what: string; ruleId: string }): string {
  return d.ruleId ? t(`rules.${d.ruleId}`, d.what) : d.what;
}
