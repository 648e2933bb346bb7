import { useEffect, useId, useState } from 'react';
import type { BreakoutGroup } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSaveReport } from '../hooks/useBreakoutMutations';

/** The leader's "Báo cáo của tổ": save a draft as often as they like, then submit (and submit again after changes). */
export function GroupReportEditor({ group }: { group: BreakoutGroup }) {
  const { t } = useI18n();
  const when = useDateTime();
  const id = useId();
  const save = useSaveReport(group.id);
  const [text, setText] = useState(group.report?.text ?? '');
  const [touched, setTouched] = useState(false);
  // another device of the leader (or staff) saved: follow it unless this one has unsaved typing
  useEffect(() => {
    if (!touched) setText(group.report?.text ?? '');
  }, [group.report?.text, touched]);

  const report = group.report;
  const submitted = Boolean(report?.submittedAt);
  const run = (submit: boolean) => save.mutate({ text: text.trim(), submit }, { onSuccess: () => setTouched(false) });

  return (
    <section className="card group-report" aria-labelledby={`${id}-h`} data-testid="group-report-editor">
      <h2 id={`${id}-h`}>{t.breakouts.report}</h2>
      <p className="field-hint">{t.breakouts.reportHint}</p>
      <label htmlFor={id} className="visually-hidden">
        {t.breakouts.report}
      </label>
      <textarea
        id={id}
        className="group-report-input"
        rows={7}
        maxLength={20_000}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          setTouched(true);
        }}
        data-testid="group-report-text"
      />
      <p className="group-report-status" role="status" data-testid="group-report-status" data-submitted={submitted ? 'true' : 'false'}>
        {report?.submittedAt
          ? `✓ ${t.breakouts.reportSubmitted(when(report.submittedAt))}`
          : report
            ? t.breakouts.draftSavedAt(when(report.updatedAt))
            : ''}
      </p>
      <div className="button-row">
        <button type="button" className="button button-secondary" disabled={save.isPending} onClick={() => run(false)} data-testid="group-report-save">
          {t.breakouts.saveDraft}
        </button>
        <button type="button" className="button button-primary" disabled={save.isPending || !text.trim()} onClick={() => run(true)} data-testid="group-report-submit">
          {submitted ? t.breakouts.resubmitReport : t.breakouts.submitReport}
        </button>
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </section>
  );
}

/** A submitted (or draft) report, read-only. */
export function GroupReportView({ group, showDraft = false }: { group: BreakoutGroup; showDraft?: boolean }) {
  const { t } = useI18n();
  const when = useDateTime();
  const report = group.report;
  if (!report || (!report.submittedAt && !showDraft)) {
    return (
      <p className="muted" data-testid="group-report" data-submitted="false">
        {report ? t.breakouts.reportDraft : t.breakouts.noReport}
      </p>
    );
  }
  return (
    <div className={`group-report-view${report.submittedAt ? ' is-submitted' : ''}`} data-testid="group-report" data-submitted={report.submittedAt ? 'true' : 'false'}>
      <p className="group-report-meta">
        {report.submittedAt ? `✓ ${t.breakouts.reportSubmitted(when(report.submittedAt))}` : t.breakouts.reportDraft}
      </p>
      <p className="group-report-text" data-testid="group-report-text-view">
        {report.text}
      </p>
    </div>
  );
}
