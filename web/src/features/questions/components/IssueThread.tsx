import { useState, type FormEvent } from 'react';
import { issueMessageRequest, type QuestionIssue } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { newClientId } from '../../../lib/clientId';
import { useDateTime } from '../../../lib/councilTimeZone';
import { fieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { questionsApi } from '../api/questionsApi';
import { useQuestionsMutation } from '../hooks/useQuestions';
import { QuestionRefsList } from './QuestionRefs';

export function IssueStatus({ issue }: { issue: QuestionIssue }) {
  const { t } = useI18n();
  const when = useDateTime();
  return (
    <p className="issue-status">
      <span className={`badge issue-badge is-${issue.status}`} data-testid="issue-status" data-status={issue.status}>
        {t.questions.status[issue.status]}
      </span>
      {issue.needsWrittenAnswer && <span className="badge issue-badge is-owed">{t.questions.needsAnswer}</span>}
      {issue.overdue && (
        <span className="badge issue-badge is-overdue" data-testid="issue-overdue">
          {t.questions.overdue}
        </span>
      )}
      {issue.needsWrittenAnswer && <span className="muted"> {t.questions.dueBy(when(issue.answerDueAt))}</span>}
    </p>
  );
}

/** The questions grouped into an issue, each with every author (duplicates merged into it included). */
export function IssueQuestions({ issue }: { issue: QuestionIssue }) {
  const { t } = useI18n();
  return (
    <ul className="question-list">
      {issue.questions.map((q) => (
        <li key={q.id} className="question-item">
          <p className="question-body">{q.body}</p>
          <QuestionRefsList refs={q.refs} />
          <p className="muted">{t.questions.authors(q.authors.map((a) => a.name).join(', '))}</p>
        </li>
      ))}
    </ul>
  );
}

/** The written answers and follow-ups of an issue, and the form to add one (answer for the official, follow-up for an author). */
export function IssueThread({ issue, reply }: { issue: QuestionIssue; reply: 'answer' | 'followup' | null }) {
  const { t } = useI18n();
  const when = useDateTime();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const send = useQuestionsMutation(issue.meetingId, (text: string) => questionsApi.message(issue.id, { clientId: newClientId(), body: text }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = issueMessageRequest.safeParse({ clientId: newClientId(), body });
    if (!parsed.success) return setError(fieldErrors(parsed.error.issues, t).body);
    setError(undefined);
    send.mutate(parsed.data.body, { onSuccess: () => setBody('') });
  };
  return (
    <div className="issue-thread">
      {issue.commitment && (
        <p className="issue-commitment">
          <strong>{t.questions.commitment}:</strong> {issue.commitment}
        </p>
      )}
      {issue.messages.length > 0 && (
        <ol className="issue-messages" data-testid="issue-messages">
          {issue.messages.map((m) => (
            <li key={m.id} className={`issue-message is-${m.kind}`} data-testid="issue-message" data-kind={m.kind}>
              <p className="issue-message-head">
                <strong>{m.kind === 'answer' ? t.questions.answer : t.questions.followUp}</strong> · {m.authorName} · <span className="muted">{when(m.createdAt)}</span>
              </p>
              <p className="issue-message-body">{m.body}</p>
            </li>
          ))}
        </ol>
      )}
      {issue.followUpUntil && (
        <p className={issue.followUpClosed ? 'alert alert-info issue-followup-until' : 'muted issue-followup-until'} data-testid="issue-followup-until" data-closed={issue.followUpClosed}>
          {issue.followUpClosed ? t.floor.followUpClosed : t.floor.followUpUntil(when(issue.followUpUntil))}
        </p>
      )}
      {reply && !(reply === 'followup' && issue.followUpClosed) && (
        <form onSubmit={submit} className="issue-reply" noValidate>
          <TextAreaField
            label={reply === 'answer' ? t.questions.writeAnswer : t.questions.followUp}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            error={error}
            rows={4}
            testId={reply === 'answer' ? 'answer-body' : 'followup-body'}
          />
          {send.isError && <ErrorMessage error={send.error} />}
          <button type="submit" className="button button-primary button-block" disabled={send.isPending} data-testid={reply === 'answer' ? 'answer-send' : 'followup-send'}>
            {reply === 'answer' ? t.questions.sendAnswer : t.questions.followUpSend}
          </button>
        </form>
      )}
    </div>
  );
}
