import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { AgendaItem, DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { formatBytes } from '../../../lib/datetime';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { ReadReceiptsList } from './ReadReceiptsList';
import { documentsApi } from '../api/documentsApi';
import { useMeetingDocuments } from '../hooks/useMeetingDocuments';
import { useUpdateDocument } from '../hooks/useUpdateDocument';
import { failureText } from '../lib/failureText';
import { ScanStatus } from './ScanStatus';
import { groupDocumentsByAgenda } from '../lib/groupDocumentsByAgenda';
import { DocumentStatusBadge } from './DocumentStatusBadge';
import { NewVersionUpload } from './NewVersionUpload';
import { VersionActions } from './VersionActions';
import { ReleaseControl } from '../../document-release/components/ReleaseControl';
import './documents.css';

function DocumentRow({ document, agenda, meetingId }: { document: DocumentSummary; agenda: readonly AgendaItem[]; meetingId: string }) {
  const { t, language } = useI18n();
  const update = useUpdateDocument(meetingId);
  const [renaming, setRenaming] = useState(false);
  const [title, setTitle] = useState(document.title);
  const [showReceipts, setShowReceipts] = useState(false);
  const v = document.currentVersion;

  return (
    <li className="doc-row card" data-testid="managed-document" data-document-id={document.id} data-status={v.status}>
      <div className="doc-row-main">
        {renaming ? (
          <form
            className="doc-rename"
            onSubmit={(e) => {
              e.preventDefault();
              const next = title.trim();
              if (!next) return;
              update.mutate({ id: document.id, body: { title: next } }, { onSuccess: () => setRenaming(false) });
            }}
          >
            <label className="visually-hidden" htmlFor={`rename-${document.id}`}>
              {t.documents.docTitle}
            </label>
            <input id={`rename-${document.id}`} className="input" value={title} maxLength={300} onChange={(e) => setTitle(e.target.value)} autoFocus />
            <button type="submit" className="button button-primary" disabled={update.isPending}>
              {t.common.save}
            </button>
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setTitle(document.title);
                setRenaming(false);
              }}
            >
              {t.common.cancel}
            </button>
          </form>
        ) : (
          <h4 className="doc-row-title">{document.title}</h4>
        )}
        <p className="doc-row-meta">
          <ReleaseControl document={document} meetingId={meetingId} /> <DocumentStatusBadge status={v.status} /> <span>{t.documents.version(v.versionNo)}</span>
          {v.status === 'ready' && <span> · {t.documents.pages(v.pageCount)}</span>}
          <span> · {formatBytes(v.sizeBytes, language)}</span>
          <span className="muted"> · {v.fileName}</span>
        </p>
        {v.status === 'failed' && failureText(v, t) && <p className="upload-row-error">{failureText(v, t)}</p>}
        <ScanStatus version={v} />
        {update.isError && <ErrorMessage error={update.error} />}
      </div>
      <div className="doc-row-actions">
        <label className="visually-hidden" htmlFor={`agenda-${document.id}`}>
          {t.documents.moveOf(document.title)}
        </label>
        <select
          id={`agenda-${document.id}`}
          className="input doc-row-agenda"
          value={document.agendaItemId ?? ''}
          disabled={update.isPending}
          onChange={(e) => update.mutate({ id: document.id, body: { agendaItemId: e.target.value || null } })}
          data-testid="document-agenda-item"
        >
          {agenda.map((item, i) => (
            <option key={item.id} value={item.id}>
              {i + 1}. {item.title}
            </option>
          ))}
          <option value="">{t.documents.noAgendaItem}</option>
        </select>
        <div className="button-row">
          {(v.status === 'ready' || document.readableVersion) && (
            <Link to={`/documents/${document.id}`} className="button button-secondary">
              {t.documents.view}
            </Link>
          )}
          {v.status === 'ready' && (
            <a href={documentsApi.fileUrl(document.id, v.id, true)} className="button button-ghost" download>
              {t.documents.download}
            </a>
          )}
          {!renaming && (
            <button type="button" className="button button-ghost" onClick={() => setRenaming(true)} aria-label={t.documents.renameOf(document.title)}>
              {t.documents.rename}
            </button>
          )}
          {v.status === 'ready' && (
            <button
              type="button"
              className="button button-ghost"
              aria-expanded={showReceipts}
              aria-controls={`receipts-${document.id}`}
              onClick={() => setShowReceipts((shown) => !shown)}
              data-testid="show-read-receipts"
            >
              {showReceipts ? t.readingRoom.hideReceipts : t.readingRoom.showReceipts}
            </button>
          )}
        </div>
        <NewVersionUpload document={document} meetingId={meetingId} />
        <VersionActions document={document} meetingId={meetingId} />
      </div>
      {showReceipts && (
        <section className="doc-row-receipts" id={`receipts-${document.id}`} aria-label={t.readingRoom.receiptsTitle}>
          <h5>{t.readingRoom.receiptsTitle}</h5>
          <ReadReceiptsList documentId={document.id} />
        </section>
      )}
    </li>
  );
}

/** Every document of the meeting, grouped by agenda item, with rename / move / new version. */
export function DocumentManager({ meetingId, agenda }: { meetingId: string; agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const documents = useMeetingDocuments(meetingId);
  const ordered = [...agenda].sort((a, b) => a.position - b.position);
  if (documents.isPending) return <LoadingState />;
  if (documents.isError) return <ErrorMessage error={documents.error} onRetry={() => void documents.refetch()} />;
  const grouped = groupDocumentsByAgenda(ordered, documents.data);
  const groups = [
    ...ordered.map((item, i) => ({ key: item.id, heading: `${i + 1}. ${item.title}`, docs: grouped.byItem.get(item.id) ?? [] })),
    { key: 'other', heading: t.meeting.otherDocuments, docs: grouped.other },
  ].filter((g) => g.docs.length > 0);

  return (
    <section className="section" aria-labelledby="doc-manager-heading" data-testid="document-manager">
      <h2 id="doc-manager-heading">{t.documents.title}</h2>
      {groups.length === 0 && <p className="empty-state">{t.documents.empty}</p>}
      {groups.map((group) => (
        <div key={group.key} className="doc-group">
          <h3>{group.heading}</h3>
          <ul className="doc-rows">
            {group.docs.map((doc) => (
              <DocumentRow key={doc.id} document={doc} agenda={ordered} meetingId={meetingId} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
