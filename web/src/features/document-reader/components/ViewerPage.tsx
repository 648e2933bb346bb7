import { MeetingTimeZoneScope } from '../../../app/MeetingTimeZoneScope';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useDocument } from '../../documents/hooks/useDocument';
import { loadPdfjs } from '../../viewer/lib/loadPdfjs';
import { PdfViewer } from './PdfViewer';
import '../../viewer/components/viewer.css';

// this chunk loads when a document is about to open: start pdf.js now, beside the document's details
void loadPdfjs();

/** Route /documents/:documentId[?version=…&page=…&paragraph=…&back=…]: loaded lazily, with pdf.js, only when a document opens. */
export function ViewerPage() {
  const { documentId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const { t } = useI18n();
  const document = useDocument(documentId);
  useDocumentTitle(document.data?.title);

  if (document.isPending) return <LoadingState label={t.viewer.loading} />;
  if (document.isError) {
    return (
      <main id="main" className="viewer-message">
        <ErrorMessage error={document.error} onRetry={() => void document.refetch()} />
        <Link to="/" className="button button-secondary">
          ← {t.app.goHome}
        </Link>
      </main>
    );
  }

  const doc = document.data;
  const requested = searchParams.get('version');
  // while the newest version is being read or has failed, the staff read the newest ready one (as delegates do)
  const readable = doc.currentVersion.status !== 'ready' && doc.readableVersion ? doc.readableVersion : doc.currentVersion;
  const version = doc.versions.find((v) => v.id === requested) ?? readable;
  const initialPage = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);
  // ?back= brings the reader back where they came from (a group room); only a path inside the app's meetings
  const back = searchParams.get('back');
  const backTo = back && back.startsWith(`/meetings/${doc.meetingId}/`) ? back : `/meetings/${doc.meetingId}`;
  const initialParagraphId = searchParams.get('paragraph') ?? undefined;

  if (version.status !== 'ready') {
    return (
      <main id="main" className="viewer-message">
        <h1>{doc.title}</h1>
        <p className={version.status === 'failed' ? 'alert alert-error' : 'alert alert-warning'} role="status">
          {version.status === 'failed' ? t.versionStatus.failed : t.viewer.notReady}
        </p>
        <Link to={backTo} className="button button-secondary">
          ← {t.viewer.backToMeeting}
        </Link>
      </main>
    );
  }

  return (
    <MeetingTimeZoneScope meetingId={doc.meetingId}>
      <PdfViewer
        key={version.id}
        documentId={doc.id}
        meetingId={doc.meetingId}
        title={doc.title}
        version={version}
        isLatest={version.id === readable.id}
        backTo={backTo}
        initialPage={initialPage}
        initialParagraphId={initialParagraphId}
      />
    </MeetingTimeZoneScope>
  );
}
