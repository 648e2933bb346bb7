import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { can, type MeetingDetail, type Participant, type QuestionsBoard } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { forbiddenError } from '../../../lib/api-client';
import { isoToZonedInput, zonedInputToIso } from '../../../lib/datetime';
import { useCouncilTimeZone } from '../../../lib/councilTimeZone';
import { DateTimeField } from '../../../ui/DateTimeField';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { questionsApi } from '../api/questionsApi';
import { useQuestionsBoard, useQuestionsMutation } from '../hooks/useQuestions';
import { QuestionReports } from './QuestionReports';
import { IssueQuestions, IssueStatus, IssueThread } from './IssueThread';
import { QuestionRefsList } from './QuestionRefs';
import './questions.css';

function SettingsForm({ meetingId, board }: { meetingId: string; board: QuestionsBoard }) {
  const { t } = useI18n();
  const zone = useCouncilTimeZone();
  const [deadline, setDeadline] = useState(board.settings.submitDeadline ? isoToZonedInput(board.settings.submitDeadline, zone) : '');
  const [days, setDays] = useState(String(board.settings.answerDays));
  const save = useQuestionsMutation(meetingId, () => questionsApi.settings(meetingId, { submitDeadline: deadline ? zonedInputToIso(deadline, zone) : null, answerDays: Number(days) }));
  return (
    <form
      className="card questions-settings"
      onSubmit={(e: FormEvent) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
      data-testid="questions-settings"
    >
      <h2>{t.questions.settings}</h2>
      <DateTimeField label={t.questions.submitDeadline} value={deadline} onChange={setDeadline} testId="questions-deadline" />
      <TextField label={t.questions.answerDays} inputMode="numeric" value={days} onChange={(e) => setDays(e.target.value)} testId="questions-answer-days" />
      {save.isError && <ErrorMessage error={save.error} />}
      <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="questions-settings-save">
        {save.isSuccess ? t.common.saved : t.common.save}
      </button>
    </form>
  );
}

function OfficialOptions({ officials }: { officials: Participant[] }) {
  const { t } = useI18n();
  return (
    <>
      <option value="">{t.questions.noOfficial}</option>
      {officials.map((o) => (
        <option key={o.userId} value={o.userId}>
          {o.fullName}
        </option>
      ))}
    </>
  );
}

function Positions({ meeting, board }: { meeting: MeetingDetail; board: QuestionsBoard }) {
  const { t } = useI18n();
  const participants = useParticipants(meeting.id);
  const officials = (participants.data ?? []).filter((p) => p.role === 'official');
  const [title, setTitle] = useState('');
  const [officialUserId, setOfficialUserId] = useState('');
  const add = useQuestionsMutation(meeting.id, () => questionsApi.createPosition(meeting.id, { title, officialUserId: officialUserId || null }));
  const assign = useQuestionsMutation(meeting.id, (a: { positionId: string; officialUserId: string | null }) => questionsApi.updatePosition(a.positionId, { officialUserId: a.officialUserId }));
  return (
    <section className="card" aria-labelledby="positions-heading" data-testid="questions-positions">
      <h2 id="positions-heading">{t.questions.positions}</h2>
      <ul className="position-list">
        {board.positions.map((p) => (
          <li key={p.id} className="position-item" data-testid="position" data-position-id={p.id}>
            <strong>{p.title}</strong>
            <SelectField label={t.questions.official} value={p.officialUserId ?? ''} onChange={(e) => assign.mutate({ positionId: p.id, officialUserId: e.target.value || null })}>
              <OfficialOptions officials={officials} />
            </SelectField>
          </li>
        ))}
      </ul>
      <form
        className="position-form"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate(undefined, { onSuccess: () => (setTitle(''), setOfficialUserId('')) });
        }}
      >
        <TextField label={t.questions.positionTitle} value={title} onChange={(e) => setTitle(e.target.value)} testId="position-title" />
        <SelectField label={t.questions.official} value={officialUserId} onChange={(e) => setOfficialUserId(e.target.value)} testId="position-official">
          <OfficialOptions officials={officials} />
        </SelectField>
        {(add.isError || assign.isError) && <ErrorMessage error={add.error ?? assign.error} />}
        <button type="submit" className="button button-secondary" disabled={add.isPending || title.trim().length < 2} data-testid="position-add">
          {t.questions.addPosition}
        </button>
      </form>
    </section>
  );
}

function Ungrouped({ meetingId, board }: { meetingId: string; board: QuestionsBoard }) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState<string[]>([]);
  const [title, setTitle] = useState('');
  const [positionId, setPositionId] = useState('');
  const [forHall, setForHall] = useState(true);
  const make = useQuestionsMutation(meetingId, () => questionsApi.createIssue(meetingId, { title, positionId, questionIds: chosen, selectedForHall: forHall }));
  const merge = useQuestionsMutation(meetingId, (a: { id: string; into: string }) => questionsApi.merge(a.id, a.into));
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <section className="card" aria-labelledby="ungrouped-heading" data-testid="questions-ungrouped">
      <h2 id="ungrouped-heading">{t.questions.ungrouped}</h2>
      {board.ungrouped.length === 0 ? (
        <p className="muted">{t.questions.ungroupedEmpty}</p>
      ) : (
        <ul className="question-list">
          {board.ungrouped.map((q) => (
            <li key={q.id} className="question-item" data-testid="ungrouped-question" data-question-id={q.id}>
              <label className="question-choose">
                <input type="checkbox" checked={chosen.includes(q.id)} onChange={() => toggle(q.id)} data-testid="question-choose" />
                <span>
                  <strong>{q.positionTitle}</strong> · {q.authors.map((a) => a.name).join(', ')}
                </span>
              </label>
              <p className="question-body">{q.body}</p>
              <QuestionRefsList refs={q.refs} />
              {board.ungrouped.length > 1 && (
                <SelectField label={t.questions.mergeInto} value="" onChange={(e) => e.target.value && merge.mutate({ id: q.id, into: e.target.value })}>
                  <option value="">—</option>
                  {board.ungrouped
                    .filter((o) => o.id !== q.id)
                    .map((o) => (
                      <option key={o.id} value={o.id}>
                        {`${o.authorName}: ${o.body.slice(0, 50)}`}
                      </option>
                    ))}
                </SelectField>
              )}
            </li>
          ))}
        </ul>
      )}
      {chosen.length > 0 && (
        <form
          className="issue-form"
          onSubmit={(e) => {
            e.preventDefault();
            make.mutate(undefined, { onSuccess: () => (setChosen([]), setTitle('')) });
          }}
        >
          <TextField label={t.questions.issueTitle} value={title} onChange={(e) => setTitle(e.target.value)} testId="issue-title" />
          <SelectField label={t.questions.position} value={positionId} onChange={(e) => setPositionId(e.target.value)} testId="issue-position">
            <option value="">{t.questions.choosePosition}</option>
            {board.positions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.officialName ? ` (${p.officialName})` : ` (${t.questions.noOfficial})`}
              </option>
            ))}
          </SelectField>
          <label className="checkbox">
            <input type="checkbox" checked={forHall} onChange={(e) => setForHall(e.target.checked)} /> {t.questions.forHall}
          </label>
          {make.isError && <ErrorMessage error={make.error} />}
          <button type="submit" className="button button-primary" disabled={make.isPending || !positionId || title.trim().length < 3} data-testid="issue-make">
            {t.questions.makeIssue}
          </button>
        </form>
      )}
      {merge.isError && <ErrorMessage error={merge.error} />}
    </section>
  );
}

function Issues({ meeting, board }: { meeting: MeetingDetail; board: QuestionsBoard }) {
  const { t } = useI18n();
  const [commitment, setCommitment] = useState('');
  const open = useQuestionsMutation(meeting.id, (id: string) => questionsApi.open(id));
  const close = useQuestionsMutation(meeting.id, (a: { id: string; answered: boolean }) => questionsApi.close(a.id, { answeredInHall: a.answered, commitment: commitment.trim() || null }));
  return (
    <section aria-labelledby="issues-heading" data-testid="questions-issues">
      <h2 id="issues-heading">{t.questions.issues}</h2>
      {(open.isError || close.isError) && <ErrorMessage error={open.error ?? close.error} />}
      {board.issues.length === 0 ? (
        <p className="muted">{t.questions.issuesEmpty}</p>
      ) : (
        <ol className="issue-list">
          {board.issues.map((issue) => (
            <li key={issue.id} className={`card issue-card${issue.overdue ? ' is-overdue' : ''}`} data-testid="issue" data-issue-id={issue.id}>
              <h3>{issue.title}</h3>
              <p>
                <strong>{issue.positionTitle}</strong> · {issue.officialName ?? t.questions.noOfficial}
                {issue.selectedForHall ? ` · ${t.questions.forHall}` : ''}
              </p>
              <IssueStatus issue={issue} />
              <IssueQuestions issue={issue} />
              <IssueThread issue={issue} reply={null} />
              {issue.status === 'in_hall' ? (
                <div className="issue-close">
                  <TextField label={t.questions.commitmentPrompt} value={commitment} onChange={(e) => setCommitment(e.target.value)} />
                  <div className="button-row">
                    <button type="button" className="button button-primary" disabled={close.isPending} onClick={() => close.mutate({ id: issue.id, answered: true }, { onSuccess: () => setCommitment('') })}>
                      {t.questions.closeAnswered}
                    </button>
                    <button type="button" className="button button-secondary" disabled={close.isPending} onClick={() => close.mutate({ id: issue.id, answered: false }, { onSuccess: () => setCommitment('') })}>
                      {t.questions.closeUnanswered}
                    </button>
                  </div>
                </div>
              ) : (
                issue.status === 'pending' && (
                  <button type="button" className="button button-secondary" disabled={open.isPending} onClick={() => open.mutate(issue.id)} data-testid="issue-open">
                    {t.questions.open}
                  </button>
                )
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** Thường trực / tổ thư ký: deadlines, positions and their officials, grouping questions by issue, running them in the hall. */
export function QuestionsDeskPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const manage = can(meeting.data?.myRole, 'questions.manage');
  useMeetingLive(manage ? meetingId : undefined);
  const board = useQuestionsBoard(meetingId, manage);
  useDocumentTitle(t.questions.deskTitle);
  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} />;
  if (!manage) return <ErrorMessage error={forbiddenError()} />;
  if (board.isPending) return <LoadingState />;
  if (board.isError) return <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />;
  return (
    <article className="questions-desk" data-testid="questions-desk">
      <Link to={`/meetings/${meetingId}`} className="breadcrumb">
        ← {meeting.data.title}
      </Link>
      <h1>{t.questions.deskTitle}</h1>
      <div className="questions-desk-grid">
        <div className="questions-desk-main">
          <Ungrouped meetingId={meetingId} board={board.data} />
          <Issues meeting={meeting.data} board={board.data} />
        </div>
        <div className="questions-desk-side">
          <SettingsForm key={board.data.settings.submitDeadline ?? 'none'} meetingId={meetingId} board={board.data} />
          <Positions meeting={meeting.data} board={board.data} />
          <QuestionReports meetingId={meetingId} />
        </div>
      </div>
    </article>
  );
}
