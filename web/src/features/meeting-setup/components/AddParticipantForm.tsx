import { useId, useState } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import { MEETING_ROLES, type AddParticipantRequest, type MeetingRole } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useUserSearch } from '../../users/hooks/useUserSearch';

interface AddParticipantFormProps {
  existingUserIds: ReadonlySet<string>;
  mutation: UseMutationResult<unknown, unknown, AddParticipantRequest>;
}

export function AddParticipantForm({ existingUserIds, mutation }: AddParticipantFormProps) {
  const { t } = useI18n();
  const resultsId = useId();
  const [text, setText] = useState('');
  const [role, setRole] = useState<MeetingRole>('delegate');
  const users = useUserSearch(text);
  const showResults = text.trim().length >= 2;

  return (
    <section className="card section" aria-labelledby="add-participant-heading" data-testid="add-participant">
      <h2 id="add-participant-heading">{t.participants.addTitle}</h2>
      <div className="form-grid form-grid-2">
        <TextField
          label={t.participants.searchLabel}
          hint={t.participants.searchHint}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-controls={resultsId}
          testId="participant-search"
        />
        <SelectField label={t.participants.addAs} value={role} onChange={(e) => setRole(e.target.value as MeetingRole)} testId="participant-add-role">
          {MEETING_ROLES.map((r) => (
            <option key={r} value={r}>
              {t.roles[r]}
            </option>
          ))}
        </SelectField>
      </div>
      {mutation.isError && <ErrorMessage error={mutation.error} />}
      {users.isError && <ErrorMessage error={users.error} />}
      <ul id={resultsId} className="user-results" aria-live="polite" data-testid="participant-search-results">
        {showResults && users.data?.length === 0 && <li className="muted">{t.participants.noUserFound}</li>}
        {showResults &&
          users.data?.map((user) => {
            const already = existingUserIds.has(user.id);
            return (
              <li key={user.id} className="user-result">
                <span>
                  <strong>{user.fullName}</strong>
                  <span className="muted">
                    {' '}
                    · {user.username}
                    {user.phone ? ` · ${user.phone}` : ''}
                  </span>
                </span>
                {already ? (
                  <span className="badge badge-ready">{t.participants.alreadyIn}</span>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary"
                    disabled={mutation.isPending}
                    onClick={() => mutation.mutate({ userId: user.id, role })}
                    aria-label={t.participants.addNamed(user.fullName)}
                    data-testid="participant-add"
                  >
                    {t.common.add}
                  </button>
                )}
              </li>
            );
          })}
      </ul>
    </section>
  );
}
