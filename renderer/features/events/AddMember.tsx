import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMatch } from '../../../main/api/contract';
import { ROLES, type Role } from '../../../main/domain/enums';
import { Field } from '../../components/Fields';
import { useLeaveGuard } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { ApiError } from '../../api';
import { useMutation } from '../../data';
import { personName } from '../../format';
import { PersonFields, emptyPerson, usePersonForm, useSavePerson } from '../people/PersonForm';
import { PersonPicker } from './PersonPicker';
import { messageKey } from '../../i18n';

/** Adds someone from People (searched by name), or a new person created on the spot, with a role. */
export function AddMember({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const [chosen, setChosen] = useState<PersonMatch>();
  const [role, setRole] = useState<Role>('delegate');
  const [creating, setCreating] = useState(false);
  const [errors, setErrors] = useState<{ form?: string; personId?: string; role?: string }>({});
  const person = usePersonForm();
  const savePerson = useSavePerson(person);
  const picker = useRef<HTMLInputElement>(null);
  const firstNewField = useRef<HTMLDivElement>(null);
  useLeaveGuard(Boolean(chosen) || (creating && person.form.formState.isDirty));

  // "New person": its fields appear below, and focus goes to the first of them.
  useEffect(() => {
    if (creating) firstNewField.current?.querySelector<HTMLElement>('input, select')?.focus();
  }, [creating]);

  const addParticipation = async (personId: string, name: string) => {
    try {
      await mutate('participations:create', { eventId, personId, role });
    } catch (error) {
      const api = error instanceof ApiError ? error : new ApiError('errors.unexpected');
      setErrors({ form: t(messageKey(api.code), api.params) });
      return;
    }
    announce(t('delegation.added', { name }));
    // Ready for the next one: nobody chosen, the usual role, focus back in the search.
    setChosen(undefined);
    setRole('delegate');
    setCreating(false);
    person.form.reset(emptyPerson());
    setErrors({});
    picker.current?.focus();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    if (creating) {
      await person.form.handleSubmit(async (values) => {
        const created = await savePerson(values);
        if (created) await addParticipation(created.id, personName(created));
      })();
      return;
    }
    if (!chosen) {
      setErrors({ personId: t('errors.required'), form: t('form.fixErrors') });
      picker.current?.focus();
      return;
    }
    await addParticipation(chosen.id, personName(chosen));
  };

  return (
    <form className="form add-member no-print" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('delegation.add')}</h3>
      {(errors.form || person.formError) && (
        <p className="form-error" role="alert">
          {errors.form || person.formError}
        </p>
      )}
      <div className="grid">
        {!creating && (
          <PersonPicker ref={picker} eventId={eventId} value={chosen} onChange={setChosen} label={t('delegation.person')} error={errors.personId} />
        )}
        <Field label={t('delegation.field.role')} required error={errors.role}>
          {(control) => (
            <select {...control} name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`delegation.role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {creating && (
        <div ref={firstNewField}>
          <PersonFields person={person} />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.add')}
        </button>
        <button
          type="button"
          onClick={() => {
            setCreating((c) => !c);
            setErrors({});
          }}
          aria-pressed={creating}
        >
          {t('delegation.newPerson')}
        </button>
      </div>
    </form>
  );
}
