import { MEETING_ROLES, type MeetingRole } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useParticipantMutations } from '../hooks/useParticipantMutations';
import { useParticipants } from '../hooks/useParticipants';
import { AddParticipantForm } from './AddParticipantForm';
import { ImportParticipantsForm } from './ImportParticipantsForm';
import { AccountSlipsPanel } from '../../account-slips/components/AccountSlipsPanel';
import { useConfirm } from '../../../ui/useConfirm';

export function ParticipantsPanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const participants = useParticipants(meetingId);
  const mutations = useParticipantMutations(meetingId);
  const { changeRole, remove } = mutations;
  const confirm = useConfirm();
  const list = [...(participants.data ?? [])].sort(
    (a, b) => MEETING_ROLES.indexOf(a.role) - MEETING_ROLES.indexOf(b.role) || a.fullName.localeCompare(b.fullName, 'vi'),
  );

  return (
    <div className="participants" data-testid="participants-panel">
      <section className="section" aria-labelledby="participants-heading">
        <div className="page-header">
          <h2 id="participants-heading">{t.participants.title}</h2>
          {participants.data && <span className="muted">{t.participants.count(participants.data.length)}</span>}
        </div>
        {participants.isPending && <LoadingState />}
        {participants.isError && <ErrorMessage error={participants.error} onRetry={() => void participants.refetch()} />}
        {changeRole.isError && <ErrorMessage error={changeRole.error} />}
        {remove.isError && <ErrorMessage error={remove.error} />}
        {participants.data && list.length === 0 && <p className="empty-state">{t.participants.empty}</p>}
        {list.length > 0 && (
          <table className="table table-stack participants-table" data-testid="participants-table">
            <thead>
              <tr>
                <th scope="col">{t.participants.name}</th>
                <th scope="col">{t.participants.phone}</th>
                <th scope="col">{t.participants.unit}</th>
                <th scope="col">{t.participants.role}</th>
                <th scope="col">
                  <span className="visually-hidden">{t.participants.remove}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.userId} data-testid="participant-row" data-user-id={p.userId}>
                  <td className="cell-name">
                    <strong>{p.fullName}</strong>
                    <br />
                    <span className="muted">{p.username}</span>
                  </td>
                  <td className="cell-phone" data-label={t.participants.phone}>{p.phone ?? '—'}</td>
                  <td className="cell-unit" data-label={t.participants.unit}>{p.unit || '—'}</td>
                  <td className="cell-role">
                    <select
                      className="input"
                      value={p.role}
                      aria-label={t.participants.roleOf(p.fullName)}
                      disabled={changeRole.isPending}
                      onChange={(e) => changeRole.mutate({ userId: p.userId, role: e.target.value as MeetingRole })}
                      data-testid="participant-role"
                    >
                      {MEETING_ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t.roles[role]}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td className="cell-remove">
                    <button
                      type="button"
                      className="button button-danger"
                      aria-label={t.participants.removeNamed(p.fullName)}
                      disabled={remove.isPending}
                      onClick={() =>
                        confirm.ask({ title: t.chairHall.title, message: t.participants.confirmRemove(p.fullName), confirmLabel: t.chairHall.remove, testId: 'participant-remove-dialog', onConfirm: () => remove.mutate(p.userId) })
                      }
                      data-testid="participant-remove"
                    >
                      {t.participants.remove}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <AddParticipantForm existingUserIds={new Set(list.map((p) => p.userId))} mutation={mutations.add} />
      <ImportParticipantsForm mutation={mutations.importList} />
      <AccountSlipsPanel meetingId={meetingId} participants={list} />
      {confirm.dialog}
    </div>
  );
}
