import { Link } from '@tanstack/react-router';
import { getCoreRowModel, useReactTable, type ColumnDef } from '@tanstack/react-table';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationMember } from '../../../main/api/contract';
import { ATTENDANCES, REGISTRATION_STATUSES, ROLES, type Attendance, type RegistrationStatus, type Role } from '../../../main/domain/enums';
import { useAnnounceError } from '../../components/forms';
import { useStatus } from '../../components/Status';
import { ChoiceSelect } from '../../components/ChoiceSelect';
import { VirtualTable } from '../../components/VirtualTable';
import { useMutation } from '../../data';
import { personName, sortedName } from '../../format';
import type { MessageKey } from '../../i18n';

type Choice = { role: Role } | { attendance: Attendance } | { registrationStatus: RegistrationStatus };

function useMemberActions() {
  const { t } = useTranslation();
  const mutate = useMutation();
  const { announce, confirm } = useStatus();
  const announceError = useAnnounceError();
  return useMemo(
    () => ({
      update: (member: DelegationMember, choice: Choice) =>
        mutate('participations:update', { id: member.participation.id, ...choice }).then(
          () => announce(t('common.saved')),
          (error: unknown) => {
            announceError(error);
            throw error;
          },
        ),
      remove: async (member: DelegationMember) => {
        const name = personName(member.person);
        if (!(await confirm(t('delegation.removeConfirm', { name }), t('common.remove')))) return;
        try {
          await mutate('participations:delete', { id: member.participation.id });
        } catch (error) {
          return announceError(error);
        }
        announce(t('delegation.removed', { name }));
        // The row is gone: focus goes to the delegation's heading rather than to the page's start.
        document.getElementById('delegation-title')?.focus();
      },
    }),
    [t, mutate, announce, confirm, announceError],
  );
}

function useMemberColumns(): ColumnDef<DelegationMember>[] {
  const { t, i18n } = useTranslation();
  const actions = useMemberActions();
  const separator = t('common.listSeparator');
  return useMemo(() => {
    const labelled = (field: MessageKey, m: DelegationMember) => `${t(field)} — ${personName(m.person)}`;
    return [
      {
        id: 'name',
        meta: { width: '24%' },
        header: t('delegation.field.name'),
        cell: ({ row: { original: m } }) => (
          <>
            <Link to="/people/$personId" params={{ personId: m.person.id }}>
              <bdi>{sortedName(m.person, i18n.language, separator)}</bdi>
            </Link>
            {(m.person.function || m.person.organisation) && (
              <div className="muted small">
                <bdi>{m.person.function || m.person.organisation}</bdi>
              </div>
            )}
            {m.passportWarning && <div className="warning-text small">{t(`delegation.passport.${m.passportWarning}`)}</div>}
          </>
        ),
      },
      {
        id: 'role',
        meta: { width: '30%' },
        header: t('delegation.field.role'),
        cell: ({ row: { original: m } }) => (
          <ChoiceSelect
            label={labelled('delegation.field.role', m)}
            value={m.participation.role}
            list={ROLES}
            labelOf={(role) => t(`delegation.role.${role}`)}
            save={(role) => actions.update(m, { role })}
          />
        ),
      },
      {
        id: 'attendance',
        meta: { width: '14%' },
        header: t('delegation.field.attendance'),
        cell: ({ row: { original: m } }) => (
          <ChoiceSelect
            label={labelled('delegation.field.attendance', m)}
            value={m.participation.attendance}
            list={ATTENDANCES}
            labelOf={(attendance) => t(`delegation.attendance.${attendance}`)}
            save={(attendance) => actions.update(m, { attendance })}
          />
        ),
      },
      {
        id: 'registration',
        meta: { width: '22%' },
        header: t('delegation.field.registrationStatus'),
        cell: ({ row: { original: m } }) => (
          <ChoiceSelect
            label={labelled('delegation.field.registrationStatus', m)}
            value={m.participation.registrationStatus}
            list={REGISTRATION_STATUSES}
            labelOf={(status) => t(`delegation.registration.${status}`)}
            save={(registrationStatus) => actions.update(m, { registrationStatus })}
          />
        ),
      },
      {
        id: 'remove',
        meta: { width: '10%', className: 'no-print' },
        header: () => <span className="visually-hidden">{t('common.remove')}</span>,
        cell: ({ row: { original: m } }) => (
          <>
            <Link
              to="/events/$eventId/members/$participationId"
              params={{ eventId: m.participation.eventId, participationId: m.participation.id }}
              aria-label={`${t('delegation.details')} — ${personName(m.person)}`}
            >
              {t('delegation.details')}
            </Link>{' '}
            <button type="button" className="link danger" onClick={() => void actions.remove(m)} aria-label={`${t('common.remove')} — ${personName(m.person)}`}>
              {t('common.remove')}
            </button>
          </>
        ),
      },
    ];
  }, [t, i18n.language, separator, actions]);
}

export function MemberTable({ members, label, testId }: { members: DelegationMember[]; label: string; testId: string }) {
  const table = useReactTable({
    data: members,
    columns: useMemberColumns(),
    getCoreRowModel: getCoreRowModel(),
    getRowId: (m) => m.participation.id,
  });
  return (
    <div className="table-scroll">
      <VirtualTable table={table} label={label} rowHeight={53} className="members" testId={testId} />
    </div>
  );
}
