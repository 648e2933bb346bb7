import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { councilCan, councilRoleOf, isStaff, type AttendanceEntry, type AttendanceStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { forbiddenError } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { ExportLinks } from '../../../ui/ExportLinks';
import { useCurrentUser } from '../../auth/hooks/useCurrentUser';
import { CouncilSessionRules } from '../../councils/components/CouncilSessionRules';
import { StaffPageHead } from '../../live/components/StaffPageHead';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { attendanceApi } from '../api/attendanceApi';
import { currentSitting, useAttendanceMutation, useSittingAttendance, useSittings } from '../hooks/useSittings';
import { entryLabel } from './CheckInCard';
import { QuorumLine } from './QuorumLine';
import './attendance.css';

function Row({ entry, onMark, onRight }: { entry: AttendanceEntry; onMark: (s: AttendanceStatus) => void; onRight: (v: boolean) => void }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  return (
    <li className="attendance-row" data-testid="attendance-row" data-user-id={entry.userId} data-status={entry.status ?? 'none'}>
      <span className="attendance-row-name">
        <strong>{entry.fullName}</strong>
        <span className="muted">
          {' '}
          · {t.roles[entry.role]}
          {entry.unit ? ` · ${entry.unit}` : ''} · {entry.votingRight ? entryLabel(entry, t) : d.noVotingRight}
          {entry.reason ? ` – ${entry.reason}` : ''}
        </span>
      </span>
      <span className="attendance-row-buttons">
        {entry.votingRight ? (
          (
            [
              ['hall', d.markHall],
              ['online', d.markOnline],
              ['absent', d.markAbsent],
            ] as const
          ).map(([s, label]) => (
            <button key={s} type="button" className="button button-secondary" aria-pressed={entry.status === s} onClick={() => onMark(s)} data-testid={`mark-${s}`}>
              {label}
            </button>
          ))
        ) : (
          <button type="button" className="button button-secondary" onClick={() => onRight(true)} data-testid="grant-voting-right">
            {d.votingRight}
          </button>
        )}
        {/* a secretary votes only when marked: the mark can be taken back */}
        {entry.votingRight && entry.role === 'secretary' && (
          <button type="button" className="button button-ghost" onClick={() => onRight(false)} data-testid="revoke-voting-right">
            {t.floor.revokeVotingRight}
          </button>
        )}
      </span>
    </li>
  );
}

/** Secretariat: the fast attendance list (search, one tap each, the rest absent in one step), the vote records, the exports. */
/** The record of the session day; `voteRecords` is the votes feature's part of it, handed in by the app. */
export function AttendancePage({ voteRecords }: { voteRecords?: (meetingId: string) => ReactNode }) {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const d = t.sessionDay;
  const meeting = useMeeting(meetingId);
  const me = useCurrentUser();
  const staff = Boolean(meeting.data && isStaff(meeting.data.myRole));
  const live = useMeetingLive(staff ? meetingId : undefined);
  const sittings = useSittings(meetingId);
  const [chosen, setChosen] = useState<string | null>(null);
  const sittingId = chosen ?? currentSitting(sittings.data)?.sitting.id ?? null;
  const list = useSittingAttendance(meetingId, sittingId);
  const [q, setQ] = useState('');
  const mark = useAttendanceMutation(meetingId, (v: { userId: string; status: AttendanceStatus }) => attendanceApi.mark(sittingId!, { entries: [{ ...v, excused: false, reason: '' }] }));
  const rest = useAttendanceMutation(meetingId, () => attendanceApi.markRestAbsent(sittingId!));
  const right = useAttendanceMutation(meetingId, async (v: { userId: string; votingRight: boolean }) => {
    await attendanceApi.setVotingRight(meetingId, v.userId, v.votingRight);
    return attendanceApi.attendance(sittingId!);
  });
  useDocumentTitle(d.attendancePageTitle);
  const shown = useMemo(() => {
    const needle = q.trim().toLocaleLowerCase('vi');
    return (list.data?.entries ?? []).filter((e) => !needle || e.fullName.toLocaleLowerCase('vi').includes(needle) || e.unit.toLocaleLowerCase('vi').includes(needle));
  }, [list.data, q]);

  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  if (!staff) return <ErrorMessage error={forbiddenError()} />;
  const m = meeting.data;
  const error = mark.error ?? rest.error ?? right.error;

  return (
    <div className="console" data-testid="attendance-page">
      <StaffPageHead meeting={m} kicker={d.attendanceTitle} title={d.attendancePageTitle} live={live}>
        <Link to={`/meetings/${m.id}/console`} className="button button-secondary">
          {t.live.consoleLink}
        </Link>
      </StaffPageHead>
      <section className="card console-section" aria-labelledby="attendance-list-heading">
        <h2 id="attendance-list-heading">{d.attendanceTitle}</h2>
        {sittings.isSuccess && sittings.data.length === 0 && <p className="muted">{d.noSitting}</p>}
        {sittings.data && sittings.data.length > 1 && (
          <SelectField label={d.sitting} value={sittingId ?? ''} onChange={(e) => setChosen(e.target.value)}>
            {sittings.data.map((s) => (
              <option key={s.sitting.id} value={s.sitting.id}>
                {s.sitting.title} · {d.sittingStatus[s.sitting.status]}
              </option>
            ))}
          </SelectField>
        )}
        {list.isPending && sittingId && <LoadingState />}
        {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && (
          <>
            <QuorumLine quorum={list.data.quorum} />
            <TextField label={d.searchPeople} type="search" value={q} onChange={(e) => setQ(e.target.value)} testId="attendance-search" />
            {list.data.sitting.status !== 'closed' && (
              <button type="button" className="button button-secondary" onClick={() => rest.mutate(undefined)} data-testid="mark-rest-absent">
                {d.markRestAbsent}
              </button>
            )}
            {error && <ErrorMessage error={error} />}
            <ul className="attendance-list">
              {shown.map((e) => (
                <Row key={e.userId} entry={e} onMark={(status) => mark.mutate({ userId: e.userId, status })} onRight={(votingRight) => right.mutate({ userId: e.userId, votingRight })} />
              ))}
            </ul>
            <ExportLinks url={(f) => attendanceApi.exportUrl(list.data.sitting.id, f)} label={d.attendanceTitle} />
          </>
        )}
      </section>
      {voteRecords?.(m.id)}
      <div className="card console-section council-rules-on-meeting">
        <CouncilSessionRules councilId={m.councilId} editable={Boolean(me.data && councilCan(councilRoleOf(me.data.isAdmin, me.data.staffOfCouncilIds.includes(m.councilId)), 'council.setDefaults'))} quietOnError />
      </div>
    </div>
  );
}
