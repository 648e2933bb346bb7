import { useState } from 'react';
import { AUDIT_ACTIONS, type AuditAction, type MeetingRole } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { useAudit } from '../hooks/useAudit';

/** Who viewed, downloaded or uploaded which document, and when (newest first). */
export function AuditPanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const when = useDateTime();
  const audit = useAudit(meetingId);
  const documents = useMeetingDocuments(meetingId);
  const [filter, setFilter] = useState<AuditAction | ''>('');
  const titles = new Map((documents.data ?? []).map((d) => [d.id, d.title]));
  const entries = [...(audit.data ?? [])].filter((e) => !filter || e.action === filter).sort((a, b) => b.at.localeCompare(a.at));

  return (
    <section aria-labelledby="audit-heading" data-testid="audit-panel">
      <h2 id="audit-heading">{t.audit.title}</h2>
      <p className="muted">{t.audit.intro}</p>
      <SelectField label={t.audit.filterLabel} value={filter} onChange={(e) => setFilter(e.target.value as AuditAction | '')} className="audit-filter">
        <option value="">{t.audit.filterAll}</option>
        {AUDIT_ACTIONS.map((a) => (
          <option key={a} value={a}>
            {t.audit.actions[a]}
          </option>
        ))}
      </SelectField>
      {audit.isPending && <LoadingState />}
      {audit.isError && <ErrorMessage error={audit.error} onRetry={() => void audit.refetch()} />}
      {audit.data && entries.length === 0 && <p className="empty-state">{t.audit.empty}</p>}
      {entries.length > 0 && (
        <table className="table table-stack" data-testid="audit-table">
          <thead>
            <tr>
              <th scope="col">{t.audit.time}</th>
              <th scope="col">{t.audit.user}</th>
              <th scope="col">{t.audit.action}</th>
              <th scope="col">{t.audit.target}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} data-testid="audit-row" data-action={e.action}>
                <td data-label={t.audit.time}>
                  <time dateTime={e.at}>{when(e.at)}</time>
                </td>
                <td data-label={t.audit.user}>{e.userName ?? t.audit.unknownUser}</td>
                <td data-label={t.audit.action}>{t.audit.actions[e.action] ?? e.action}</td>
                <td data-label={t.audit.target}>
                  {e.targetId ? (titles.get(e.targetId) ?? (typeof e.meta.title === 'string' ? e.meta.title : typeof e.meta.name === 'string' ? e.meta.name : '—')) : '—'}
                  {typeof e.meta.role === 'string' && e.meta.role in t.roles ? ` (${t.roles[e.meta.role as MeetingRole]})` : ''}
                  {typeof e.meta.versionNo === 'number' ? ` (${t.documents.version(e.meta.versionNo)})` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
