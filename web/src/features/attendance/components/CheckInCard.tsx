import { useState } from 'react';
import { reportAbsenceRequest, type AttendanceEntry, type MySitting } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { attendanceApi } from '../api/attendanceApi';
import { currentSitting, useAttendanceMutation, useSittings } from '../hooks/useSittings';
import { QuorumLine } from './QuorumLine';
import './attendance.css';

export function entryLabel(entry: AttendanceEntry | null, t: ReturnType<typeof useI18n>['t']): string {
  const d = t.sessionDay;
  if (!entry?.status) return d.notMarked;
  if (entry.status === 'hall') return d.presentHall;
  if (entry.status === 'online') return d.presentOnline;
  return entry.excused ? d.absentExcused : d.absentUnexcused;
}

function SubmitOrCancel({ label, testId, onCancel }: { label: string; testId: string; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <div className="button-row">
      <button type="submit" className="button button-primary button-large" data-testid={testId}>
        {label}
      </button>
      <button type="button" className="button button-secondary" onClick={onCancel}>
        {t.common.cancel}
      </button>
    </div>
  );
}

/**
 * The delegate's check-in on the meeting page: "Có mặt" in the hall (with the code on the hall
 * screen) or online once the sitting opens; "Báo vắng" with a reason before or during it.
 */
export function CheckInCard({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const sittings = useSittings(meetingId);
  const current = currentSitting(sittings.data);
  const [mode, setMode] = useState<'none' | 'code' | 'absence'>('none');
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const checkIn = useAttendanceMutation(meetingId, (body: { mode: 'hall' | 'online'; code?: string }) => attendanceApi.checkIn(current!.sitting.id, body));
  const absence = useAttendanceMutation(meetingId, (r: string) => attendanceApi.reportAbsence(current!.sitting.id, r));

  if (!current || !current.mine?.votingRight || current.sitting.status === 'closed') return null;
  const { sitting, mine, quorum } = current;
  const present = mine.status === 'hall' || mine.status === 'online';
  const done = (m: MySitting | unknown) => m && setMode('none');

  return (
    <section className="card checkin-card" aria-labelledby="checkin-heading" data-testid="checkin-card" data-status={mine.status ?? 'none'}>
      <h2 id="checkin-heading">
        {d.checkInTitle}: {sitting.title}
      </h2>
      <QuorumLine quorum={quorum} />
      {mine.status && (
        <p className={`checkin-state ${present ? 'is-present' : 'is-absent'}`} data-testid="checkin-state">
          {d.youAre(entryLabel(mine, t))}
          {mine.status === 'absent' && mine.reason ? ` – ${mine.reason}` : ''}
        </p>
      )}
      {sitting.status === 'planned' && <p className="muted">{d.notYetOpen}</p>}
      {sitting.status === 'open' && !present && mode !== 'code' && (
        <div className="checkin-actions">
          <button type="button" className="button button-primary button-large" onClick={() => setMode('code')} data-testid="checkin-hall">
            {d.checkInHall}
          </button>
          <button type="button" className="button button-secondary button-large" onClick={() => checkIn.mutate({ mode: 'online' }, { onSuccess: done })} data-testid="checkin-online">
            {d.checkInOnline}
          </button>
        </div>
      )}
      {mode === 'code' && (
        <form
          className="checkin-code"
          onSubmit={(e) => {
            e.preventDefault();
            checkIn.mutate({ mode: 'hall', code: code.trim() }, { onSuccess: done });
          }}
        >
          <TextField label={d.codeLabel} hint={d.codeHint} inputMode="numeric" autoComplete="off" maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} testId="checkin-code" />
          <SubmitOrCancel label={d.confirmHall} testId="checkin-confirm" onCancel={() => setMode('none')} />
        </form>
      )}
      {!present && mine.status !== 'absent' && mode === 'none' && (
        <button type="button" className="button button-link" onClick={() => setMode('absence')} data-testid="absence-open">
          {d.reportAbsence}
        </button>
      )}
      {mode === 'absence' && (
        <form
          className="checkin-absence"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = reportAbsenceRequest.safeParse({ reason });
            if (!parsed.success) return setReasonError(fieldErrors(parsed.error.issues, t).reason);
            setReasonError(undefined);
            absence.mutate(parsed.data.reason, { onSuccess: done });
          }}
        >
          <TextField label={d.absenceReason} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} maxLength={500} testId="absence-reason" />
          <SubmitOrCancel label={d.sendAbsence} testId="absence-send" onCancel={() => setMode('none')} />
        </form>
      )}
      {checkIn.isError && <ErrorMessage error={checkIn.error} testId="checkin-error" />}
      {absence.isError && <ErrorMessage error={absence.error} />}
    </section>
  );
}
