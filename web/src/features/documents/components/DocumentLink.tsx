import { Link } from 'react-router-dom';
import type { DocumentSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { DocumentStatusBadge } from './DocumentStatusBadge';

/** A big tappable row that opens a document in the viewer (only once it is ready). */
export function DocumentLink({ document }: { document: DocumentSummary }) {
  const { t } = useI18n();
  const version = document.currentVersion;
  const ready = version.status === 'ready';
  const body = (
    <>
      <span className="doc-link-icon" aria-hidden="true">
        PDF
      </span>
      <span className="doc-link-body">
        <span className="doc-link-title">{document.title}</span>
        <span className="doc-link-meta">
          {ready ? t.meeting.pages(version.pageCount) : <DocumentStatusBadge status={version.status} />}
          {version.versionNo > 1 && <> · {t.documents.version(version.versionNo)}</>}
        </span>
      </span>
    </>
  );
  return ready ? (
    <Link to={`/documents/${document.id}`} className="doc-link" data-testid="document-link" data-document-id={document.id}>
      {body}
    </Link>
  ) : (
    <div className="doc-link is-disabled" data-testid="document-link-pending" data-document-id={document.id}>
      {body}
    </div>
  );
}
