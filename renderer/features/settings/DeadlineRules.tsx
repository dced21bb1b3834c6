// The preset deadline rules (DOMAIN.md), each with its source, which the user may switch off or change
// (21 days made 14 for an older rule); every event's estimates follow at once. A letter's date still wins.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRESET_RULES } from '../../../main/domain/deadline-rules';
import { useAnnounceError } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';

type Edit = { ruleId: string; enabled?: boolean; days?: number; months?: number };

export function DeadlineRules() {
  const { t } = useTranslation();
  const settings = useQuery('settings:get');
  const mutate = useMutation();
  const announceError = useAnnounceError();
  const { announce } = useStatus();
  const [edits, setEdits] = useState<Edit[]>([]);
  useEffect(() => {
    if (settings.data) setEdits(settings.data.ruleEdits);
  }, [settings.data]);

  const editOf = (ruleId: string) => edits.find((e) => e.ruleId === ruleId);
  const change = (ruleId: string, patch: Omit<Edit, 'ruleId'>) =>
    setEdits([...edits.filter((e) => e.ruleId !== ruleId), { ...editOf(ruleId), ...patch, ruleId }]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutate('settings:update', { ruleEdits: edits }).then(() => announce(t('common.saved')), announceError);
  };

  return (
    <form className="card form deadline-rules" onSubmit={submit} aria-labelledby="rules-title">
      <h2 id="rules-title">{t('settings.rules.title')}</h2>
      <p className="muted small">{t('settings.rules.intro')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('settings.rules.rule')}</th>
            <th scope="col">{t('settings.rules.before')}</th>
            <th scope="col">{t('settings.rules.used')}</th>
          </tr>
        </thead>
        <tbody>
          {PRESET_RULES.map((rule) => {
            const edit = editOf(rule.id);
            const unit = rule.before.months ? 'months' : 'days';
            const value = edit?.[unit] ?? rule.before[unit] ?? 0;
            const name = t(`rules.${rule.id}`, rule.what);
            return (
              <tr key={rule.id}>
                <td>
                  <span className="strong">{name}</span>
                  <span className="muted small block" dir="ltr">
                    {rule.source}
                  </span>
                </td>
                <td>
                  <label className="inline-number">
                    <input
                      type="number"
                      min={0}
                      max={unit === 'days' ? 730 : 36}
                      value={value}
                      aria-label={`${name}: ${t(`settings.rules.${unit}`)}`}
                      onChange={(e) => change(rule.id, { [unit]: Math.max(0, Math.trunc(Number(e.target.value) || 0)) })}
                    />
                    <span>{t(`settings.rules.${unit}`)}</span>
                  </label>
                </td>
                <td>
                  <input
                    type="checkbox"
                    checked={edit?.enabled !== false}
                    aria-label={`${name}: ${t('settings.rules.used')}`}
                    onChange={(e) => change(rule.id, { enabled: e.target.checked })}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.save')}
        </button>
      </div>
    </form>
  );
}
