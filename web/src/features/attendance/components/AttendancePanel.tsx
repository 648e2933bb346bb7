import { useState } from 'react';
import { Link } from 'react-router-dom';
import { createSittingRequest } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { TextField } from '../../../ui/TextField';
import { attendanceApi } from '../api/attendanceApi';
import { currentSitting, useAttendanceMutation, useSittings } from '../hooks/useSittings';
import { QuorumLine } from './QuorumLine';
import './attendance.css';

/** Chair console: the sitting in play, open / close it, the check-in code, the quorum live. */
export function AttendancePanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const sittings = useSittings(meetingId);
  const current = currentSitting(sittings.data);
  const [title, setTitle] = useState('');
  const [titleError, setTitleError] = useState<string | undefined>();
  const create = useAttendanceMutation(meetingId, (v: string) => attendanceApi.createSitting(meetingId, v));
  const change = useAttendanceMutation(meetingId, (v: { id: string; to: 'open' | 'close' }) => (v.to === 'open' ? attendanceApi.openSitting(v.id) : attendanceApi.closeSitting(v.id)));

  return (
    <section className="card console-section" aria-labelledby="attendance-panel-heading" data-testid="attendance-panel">
      <h2 id="attendance-panel-heading">{d.attendanceTitle}</h2>
      {sittings.isPending && <LoadingState />}
      {sittings.isError && <ErrorMessage error={sittings.error} onRetry={() => void sittings.refetch()} />}
      {sittings.isSuccess && !current && <p className="muted">{d.noSitting}</p>}
      {current && (
        <>
          <p>
            <strong>{current.sitting.title}</strong> · <span data-testid="sitting-status">{d.sittingStatus[current.sitting.status]}</span>
          </p>
          {current.sitting.status === 'open' && current.sitting.checkinCode && (
            <p>
              {d.checkinCode}: <strong className="checkin-code-value" data-testid="console-checkin-code">{current.sitting.checkinCode}</strong>
            </p>
          )}
          <QuorumLine quorum={current.quorum} />
          <div className="button-row">
            {current.sitting.status === 'planned' && (
              <button type="button" className="button button-primary" onClick={() => change.mutate({ id: current.sitting.id, to: 'open' })} data-testid="sitting-open">
                {d.openSitting}
              </button>
            )}
            {current.sitting.status === 'open' && (
              <button type="button" className="button button-secondary" onClick={() => change.mutate({ id: current.sitting.id, to: 'close' })} data-testid="sitting-close">
                {d.closeSitting}
              </button>
            )}
            <Link to={`/meetings/${meetingId}/attendance`} className="button button-secondary" data-testid="attendance-page-link">
              {d.attendanceLink}
            </Link>
          </div>
        </>
      )}
      {change.isError && <ErrorMessage error={change.error} />}
      {(!current || current.sitting.status === 'closed') && (
        <form
          className="vote-form"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = createSittingRequest.safeParse({ title });
            if (!parsed.success) return setTitleError(fieldErrors(parsed.error.issues, t).title);
            setTitleError(undefined);
            create.mutate(parsed.data.title, { onSuccess: () => setTitle('') });
          }}
        >
          <TextField label={d.sittingTitle} value={title} onChange={(e) => setTitle(e.target.value)} error={titleError} maxLength={200} testId="sitting-title" />
          <button type="submit" className="button button-secondary" data-testid="sitting-create">
            {d.newSitting}
          </button>
          {create.isError && <ErrorMessage error={create.error} />}
        </form>
      )}
    </section>
  );
}
