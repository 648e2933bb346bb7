import { useMutation } from '@tanstack/react-query';
import { QUESTION_REPORT_KINDS, type QuestionReportQuery } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { saveFile } from '../../../lib/download';
import { questionsApi } from '../api/questionsApi';

/** The list of questions by issue (the chair's preparation) and the follow-up report, as DOCX or PDF. */
export function QuestionReports({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const download = useMutation({ mutationFn: (q: QuestionReportQuery) => questionsApi.report(meetingId, q), onSuccess: saveFile });
  return (
    <section className="card" aria-labelledby="question-reports-heading" data-testid="question-reports">
      <h2 id="question-reports-heading">{t.questions.reports}</h2>
      {QUESTION_REPORT_KINDS.map((kind) => (
        <div key={kind} className="question-report">
          <p>{t.questions.reportKinds[kind]}</p>
          <div className="button-row">
            {(['docx', 'pdf'] as const).map((format) => (
              <button key={format} type="button" className="button button-secondary" disabled={download.isPending} onClick={() => download.mutate({ kind, format })} data-testid={`question-report-${kind}-${format}`}>
                <Icon name="file" />
                {format.toUpperCase()}
              </button>
            ))}
          </div>
        </div>
      ))}
      {download.isError && <ErrorMessage error={download.error} />}
    </section>
  );
}
