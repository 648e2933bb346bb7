import { useState, type FormEvent } from 'react';
import { submitQuestionRequest, type MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { newClientId } from '../../../lib/clientId';
import { useDateTime } from '../../../lib/councilTimeZone';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { TextAreaField } from '../../../ui/TextAreaField';
import { questionsApi } from '../api/questionsApi';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { useMyQuestions, useQuestionsMutation } from '../hooks/useQuestions';
import { IssueStatus, IssueThread } from './IssueThread';
import { QuestionRefsList, QuestionRefsPicker, type RefDraft } from './QuestionRefs';
import './questions.css';

/** On the delegate's phone: send a written question (phiếu chất vấn), and read the answers to one's questions. */
export function MyQuestionsPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const when = useDateTime();
  const mine = useMyQuestions(meeting.id);
  const [positionId, setPositionId] = useState('');
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [clientId, setClientId] = useState(newClientId);
  const [refs, setRefs] = useState<RefDraft[]>([]);
  const documents = useMeetingDocuments(meeting.id, Boolean(mine.data?.settings.open));
  const submit = useQuestionsMutation(meeting.id, () => questionsApi.submit(meeting.id, { clientId, positionId, body, refs: refs.map((r) => ({ documentId: r.documentId, paragraphId: r.paragraphId })) }));
  const d = mine.data;
  if (!d || (d.positions.length === 0 && d.questions.length === 0)) return null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = submitQuestionRequest.safeParse({ clientId, positionId, body, refs: refs.map((r) => ({ documentId: r.documentId, paragraphId: r.paragraphId })) });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
    setErrors({});
    // the same client id until it is stored: a retry after a dropped answer is not a second question
    submit.mutate(undefined, { onSuccess: () => (setBody(''), setRefs([]), setClientId(newClientId())) });
  };

  return (
    <section className="section card questions-panel" aria-labelledby="my-questions-heading" data-testid="my-questions">
      <h2 id="my-questions-heading">{t.questions.title}</h2>
      <p className="muted">{t.questions.intro}</p>
      {d.settings.submitDeadline && <p>{t.questions.deadline(when(d.settings.submitDeadline))}</p>}
      {d.settings.open ? (
        <form onSubmit={onSubmit} className="question-form" noValidate>
          <SelectField label={t.questions.position} value={positionId} onChange={(e) => setPositionId(e.target.value)} error={errors.positionId} testId="question-position">
            <option value="">{t.questions.choosePosition}</option>
            {d.positions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
                {p.officialName ? ` (${p.officialName})` : ''}
              </option>
            ))}
          </SelectField>
          <TextAreaField label={t.questions.body} value={body} onChange={(e) => setBody(e.target.value)} error={errors.body} rows={4} testId="question-body" />
          <QuestionRefsPicker documents={documents.data ?? []} value={refs} onChange={setRefs} />
          {submit.isError && <ErrorMessage error={submit.error} />}
          {submit.isSuccess && <p className="alert alert-success">{t.questions.sent}</p>}
          <button type="submit" className="button button-primary button-block" disabled={submit.isPending} data-testid="question-send">
            {t.questions.send}
          </button>
        </form>
      ) : (
        <p className="alert alert-info">{t.questions.closed}</p>
      )}
      <h3>{t.questions.mine}</h3>
      {d.questions.length === 0 ? (
        <p className="muted">{t.questions.none}</p>
      ) : (
        <ul className="question-list">
          {d.questions.map((q) => (
            <li key={q.id} className="question-item" data-testid="my-question" data-question-id={q.id}>
              <p className="question-to">
                <strong>{q.positionTitle}</strong>
              </p>
              <p className="question-body">{q.body}</p>
              <QuestionRefsList refs={q.refs} />
              {q.authors.length > 1 && <p className="muted">{t.questions.coAuthors(q.authors.filter((a) => a.userId !== q.authorId).map((a) => a.name).join(', '))}</p>}
              {q.issue ? (
                <>
                  <p className="question-issue-title">{q.issue.title}</p>
                  <IssueStatus issue={q.issue} />
                  <IssueThread issue={q.issue} reply={q.issue.status === 'answered_in_hall' || q.issue.status === 'answered_in_writing' ? 'followup' : null} />
                </>
              ) : (
                <p className="muted">{t.questions.notGrouped}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
