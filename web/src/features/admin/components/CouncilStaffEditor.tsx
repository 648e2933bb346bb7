import { useEffect, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { CouncilDetail, UserSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { TextField } from '../../../ui/TextField';
import { useCouncil } from '../../councils/hooks/useCouncil';
import { useUserSearch } from '../../users/hooks/useUserSearch';

interface CouncilStaffEditorProps {
  councilId: string;
  mutation: UseMutationResult<CouncilDetail, unknown, { id: string; userIds: string[] }>;
  onDone: () => void;
}

/** The council's secretariat: chips with a remove button, a user search to add, one Save (PUT …/staff). */
export function CouncilStaffEditor({ councilId, mutation, onDone }: CouncilStaffEditorProps) {
  const { t } = useI18n();
  const council = useCouncil(councilId);
  const [staff, setStaff] = useState<UserSummary[] | null>(null);
  const [text, setText] = useState('');
  const users = useUserSearch(text);

  useEffect(() => {
    if (council.data && staff === null) setStaff(council.data.staff);
  }, [council.data, staff]);

  if (council.isPending || staff === null) return council.isError ? <ErrorMessage error={council.error} /> : <LoadingState />;
  const ids = new Set(staff.map((s) => s.id));

  return (
    <div className="staff-editor" data-testid="staff-editor">
      <h3>{t.admin.staff}</h3>
      <p className="muted">{t.admin.staffHint}</p>
      {staff.length === 0 ? (
        <p className="muted">{t.admin.noStaff}</p>
      ) : (
        <ul className="chip-list">
          {staff.map((user) => (
            <li key={user.id} className="chip" data-testid="staff-chip">
              {user.fullName}
              <button type="button" className="button button-ghost" aria-label={t.admin.removeStaff(user.fullName)} onClick={() => setStaff(staff.filter((s) => s.id !== user.id))}>
                <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <TextField label={t.participants.searchLabel} hint={t.participants.searchHint} type="search" value={text} onChange={(e) => setText(e.target.value)} testId="staff-search" />
      {text.trim().length >= 2 && (
        <ul className="user-results">
          {users.data?.length === 0 && <li className="muted">{t.participants.noUserFound}</li>}
          {users.data?.map((user) => (
            <li key={user.id} className="user-result">
              <span>
                <strong>{user.fullName}</strong> <span className="muted">· {user.username}</span>
              </span>
              <button type="button" className="button button-secondary" disabled={ids.has(user.id)} onClick={() => setStaff([...staff, user])} data-testid="staff-add">
                {ids.has(user.id) ? t.participants.alreadyIn : t.admin.addStaff}
              </button>
            </li>
          ))}
        </ul>
      )}
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      <div className="form-actions">
        <button
          type="button"
          className="button button-primary"
          disabled={mutation.isPending}
          onClick={() => mutation.mutate({ id: councilId, userIds: staff.map((s) => s.id) }, { onSuccess: () => { void council.refetch(); onDone(); } })}
          data-testid="staff-save"
        >
          {mutation.isPending ? t.common.saving : t.admin.saveStaff}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t.common.cancel}
        </button>
      </div>
    </div>
  );
}
