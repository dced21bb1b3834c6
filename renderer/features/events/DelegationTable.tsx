import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationMember } from '../../../main/api/contract';
import { ATTENDANCES, REGISTRATION_STATUSES, ROLES, type Attendance, type RegistrationStatus, type Role } from '../../../main/domain/enums';
import { SelectField } from '../../components/Fields';
import { useAnnounceError, useFormErrors } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { useMutation, useQuery } from '../../data';
import { personName } from '../../format';
import { PersonFields, usePersonForm } from '../people/PersonForm';

function MemberRow({ member }: { member: DelegationMember }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  const { participation, person } = member;
  const name = personName(person);

  const update = (change: Partial<{ role: Role; attendance: Attendance; registrationStatus: RegistrationStatus }>) =>
    mutate('participations:update', {
      id: participation.id,
      role: participation.role,
      attendance: participation.attendance,
      registrationStatus: participation.registrationStatus,
      ...change,
    }).then(() => announce(t('common.saved')), announceError);

  const remove = async () => {
    if (!(await confirm(t('delegation.removeConfirm', { name }), t('common.remove')))) return;
    try {
      await mutate('participations:delete', { id: participation.id });
    } catch (error) {
      return announceError(error);
    }
    announce(t('delegation.removed', { name }));
  };

  const select = <T extends string>(label: string, value: T, list: readonly T[], prefix: string, onChange: (v: T) => void) => (
    <select aria-label={`${label} — ${name}`} value={value} onChange={(e) => void onChange(e.target.value as T)}>
      {list.map((v) => (
        <option key={v} value={v}>
          {t(`${prefix}.${v}`)}
        </option>
      ))}
    </select>
  );

  return (
    <tr>
      <th scope="row">
        <a href={`#/people/${person.id}`}>
          <bdi>{name}</bdi>
        </a>
        {person.function && <div className="muted small"><bdi>{person.function}</bdi></div>}
      </th>
      <td>{select(t('delegation.field.role'), participation.role, ROLES, 'delegation.role', (role) => update({ role }))}</td>
      <td>
        {select(t('delegation.field.attendance'), participation.attendance, ATTENDANCES, 'delegation.attendance', (attendance) =>
          update({ attendance }),
        )}
      </td>
      <td>
        {select(
          t('delegation.field.registrationStatus'),
          participation.registrationStatus,
          REGISTRATION_STATUSES,
          'delegation.registration',
          (registrationStatus) => update({ registrationStatus }),
        )}
      </td>
      <td>
        <button type="button" className="link danger" onClick={() => void remove()} aria-label={`${t('common.remove')} — ${name}`}>
          {t('common.remove')}
        </button>
      </td>
    </tr>
  );
}

/** Adds someone from People, or a new person created on the spot, with a role. */
function AddMember({ eventId, members }: { eventId: string; members: DelegationMember[] }) {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce } = useStatus();
  const people = useQuery('people:list');
  const [personId, setPersonId] = useState('');
  const [role, setRole] = useState<Role>('delegate');
  const [creating, setCreating] = useState(false);
  const person = usePersonForm();
  const { fieldErrors, formError, clear, show } = useFormErrors();

  const onDelegation = new Set(members.map((m) => m.person.id));
  const candidates = (people.data ?? []).filter((p) => !onDelegation.has(p.id));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    clear();
    person.errors.clear();
    try {
      let id = personId;
      let name = personName(candidates.find((p) => p.id === personId) ?? { givenName: '', familyName: '' });
      if (creating) {
        const created = await person.save();
        if (!created) return;
        id = created.id;
        name = personName(created);
      }
      await mutate('participations:create', { eventId, personId: id, role });
      announce(t('delegation.added', { name }));
      setPersonId('');
      setCreating(false);
      person.reset();
    } catch (error) {
      show(error);
    }
  };

  return (
    <form className="form add-member" onSubmit={submit} noValidate aria-labelledby="add-member-title">
      <h3 id="add-member-title">{t('delegation.add')}</h3>
      {(formError || person.errors.formError) && (
        <p className="form-error" role="alert">
          {formError || person.errors.formError}
        </p>
      )}
      <div className="grid">
        {!creating && (
          <SelectField
            label={t('delegation.person')}
            name="personId"
            value={personId}
            onChange={setPersonId}
            placeholder={t('delegation.choosePerson')}
            options={candidates.map((p) => ({ value: p.id, label: personName(p) }))}
            error={fieldErrors.personId}
            hint={candidates.length === 0 && people.data ? t('delegation.everyoneAdded') : undefined}
            required
          />
        )}
        <SelectField
          label={t('delegation.field.role')}
          name="role"
          value={role}
          onChange={(v) => setRole(v as Role)}
          options={ROLES.map((r) => ({ value: r, label: t(`delegation.role.${r}`) }))}
          error={fieldErrors.role}
          required
        />
      </div>
      {creating && <PersonFields form={person} />}
      <div className="actions">
        <button type="submit" className="primary">
          {t('common.add')}
        </button>
        <button type="button" onClick={() => setCreating((c) => !c)} aria-pressed={creating}>
          {creating ? t('delegation.choosePerson') : t('delegation.newPerson')}
        </button>
      </div>
    </form>
  );
}

export function DelegationTable({ eventId, members }: { eventId: string; members: DelegationMember[] }) {
  const { t } = useTranslation();
  return (
    <section className="card delegation" aria-labelledby="delegation-title">
      <h2 id="delegation-title">{t('delegation.title')}</h2>
      {members.length === 0 ? (
        <p className="empty">{t('delegation.empty')}</p>
      ) : (
        <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('delegation.field.name')}</th>
              <th scope="col">{t('delegation.field.role')}</th>
              <th scope="col">{t('delegation.field.attendance')}</th>
              <th scope="col">{t('delegation.field.registrationStatus')}</th>
              <th scope="col"><span className="visually-hidden">{t('common.remove')}</span></th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.participation.id} member={m} />
            ))}
          </tbody>
        </table>
        </div>
      )}
      <AddMember eventId={eventId} members={members} />
    </section>
  );
}
