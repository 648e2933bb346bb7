import { Link, useParams } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { DocumentLink } from '../../documents/components/DocumentLink';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { useOfficialDesk } from '../hooks/useQuestions';
import { useOfficialLive } from '../hooks/useOfficialLive';
import { Countdown } from '../../speakers/components/Countdown';
import { IssueQuestions, IssueStatus, IssueThread } from './IssueThread';
import './questions.css';

/** Người trả lời chất vấn: the issues addressed to them, the released documents, and a place to answer in writing. Nothing else of the meeting. */
export function OfficialPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const when = useDateTime();
  const desk = useOfficialDesk(meetingId);
  useOfficialLive(meetingId);
  const documents = useMeetingDocuments(meetingId, desk.isSuccess);
  useDocumentTitle(t.questions.officialTitle);
  if (desk.isPending) return <LoadingState />;
  if (desk.isError) return <ErrorMessage error={desk.error} onRetry={() => void desk.refetch()} />;
  const d = desk.data;
  return (
    <article className="official-page" data-testid="official-page">
      <Link to="/" className="breadcrumb">
        ← {t.meeting.backToList}
      </Link>
      <header className="meeting-head">
        <p className="muted">{d.meeting.councilName}</p>
        <h1>{t.questions.officialTitle}</h1>
        <p>
          <strong>{d.meeting.title}</strong>
        </p>
        <p className="muted">{[d.meeting.location, when(d.meeting.startsAt)].filter(Boolean).join(' · ')}</p>
        {d.positions.length > 0 && <p>{d.positions.map((p) => p.title).join(', ')}</p>}
        <p className="muted">{t.questions.officialIntro}</p>
      </header>

      {d.mySpeech && (
        <section className="section card floor-current is-mine" data-testid="official-speech" data-status={d.mySpeech.status}>
          <p className="floor-current-label">{d.mySpeech.status === 'speaking' ? t.questions.youAnswer : t.questions.youWait}</p>
          {d.mySpeech.status === 'speaking' && <Countdown speech={d.mySpeech} size="huge" />}
        </section>
      )}

      <section className="section" aria-labelledby="official-issues-heading">
        <h2 id="official-issues-heading">{t.questions.issues}</h2>
        {d.issues.length === 0 ? (
          <p className="empty-state">{t.questions.officialEmpty}</p>
        ) : (
          <ol className="issue-list">
            {d.issues.map((issue) => (
              <li key={issue.id} className="card issue-card" data-testid="official-issue" data-issue-id={issue.id}>
                <h3>{issue.title}</h3>
                <IssueStatus issue={issue} />
                <IssueQuestions issue={issue} />
                <IssueThread issue={issue} reply="answer" />
              </li>
            ))}
          </ol>
        )}
      </section>

      <section className="section" aria-labelledby="official-docs-heading">
        <h2 id="official-docs-heading">{t.questions.documents}</h2>
        {documents.isError && <ErrorMessage error={documents.error} />}
        <ul className="doc-list">
          {(documents.data ?? []).map((doc) => (
            <li key={doc.id}>
              <DocumentLink document={doc} />
            </li>
          ))}
        </ul>
      </section>
    </article>
  );
}
