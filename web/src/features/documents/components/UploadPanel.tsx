import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { DocumentDetail } from '@hopso/shared';
import type { AgendaItem } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { queryKeys } from '../../../lib/queryKeys';
import { SelectField } from '../../../ui/SelectField';
import { isIngestDone } from '../hooks/useDocument';
import { useUploadQueue } from '../hooks/useUploadQueue';
import { UploadRowView } from './UploadRowView';
import { TitleStep } from '../../upload-title/components/TitleStep';
import './documents.css';

/** Drag-and-drop zone plus a file picker (dropping is never the only way), agenda item choice and one row per file. */
export function UploadPanel({ meetingId, agenda }: { meetingId: string; agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const inputId = useId();
  const queue = useUploadQueue(meetingId);
  const queryClient = useQueryClient();
  const [agendaItemId, setAgendaItemId] = useState<string>(agenda[0]?.id ?? '');
  const [dragOver, setDragOver] = useState(false);
  // chosen files wait here for their titles; then they upload
  const [staged, setStaged] = useState<File[] | null>(null);
  const rowsRef = useRef<HTMLUListElement>(null);
  const [scrollToRows, setScrollToRows] = useState(false);

  const add = (list: FileList | null) => {
    if (list && list.length > 0) setStaged(Array.from(list));
  };
  useEffect(() => {
    if (!scrollToRows || !rowsRef.current) return;
    // the progress is below the fold on a laptop: bring it into view
    rowsRef.current.scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    setScrollToRows(false);
  }, [scrollToRows, queue.rows.length]);
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragOver(false);
    add(event.dataTransfer.files);
  };
  const maybeFinished = queue.rows.filter((r) => r.status === 'rejected' || r.status === 'cancelled' || r.status === 'processing');
  const clearFinished = () =>
    queue.remove(
      maybeFinished
        .filter((r) => r.status !== 'processing' || isIngestDone(queryClient.getQueryData<DocumentDetail>(queryKeys.document(r.documentId ?? ''))))
        .map((r) => r.key),
    );

  return (
    <section className="card section" aria-labelledby="upload-heading" data-testid="upload-panel">
      <h2 id="upload-heading">{t.upload.title}</h2>
      <SelectField label={t.upload.agendaItem} value={agendaItemId} onChange={(e) => setAgendaItemId(e.target.value)} testId="upload-agenda-item">
        {agenda.map((item, i) => (
          <option key={item.id} value={item.id}>
            {i + 1}. {item.title}
          </option>
        ))}
        <option value="">{t.documents.noAgendaItem}</option>
      </SelectField>
      <div
        className={`drop-zone${dragOver ? ' is-over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={onDrop}
        data-testid="upload-drop-zone"
      >
        <p className="drop-zone-text" aria-hidden="true">
          ⤓ {t.upload.dropZone}
        </p>
        <p className="drop-zone-or" aria-hidden="true">
          {t.upload.or}
        </p>
        <input
          id={inputId}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          className="visually-hidden file-picker-input"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
          data-testid="upload-input"
        />
        <label htmlFor={inputId} className="button button-primary file-picker-label">
          {t.upload.pickFiles}
        </label>
        <p className="muted drop-zone-hint">{t.upload.hint}</p>
      </div>
      {staged && (
        <TitleStep
          files={staged}
          onCancel={() => setStaged(null)}
          onUpload={(titles) => {
            queue.addFiles(staged, agendaItemId || null, titles);
            setStaged(null);
            setScrollToRows(true);
          }}
        />
      )}
      {queue.rows.length > 0 && (
        <>
          <ul ref={rowsRef} className="upload-rows" data-testid="upload-rows" aria-live="polite">
            {queue.rows.map((row) => (
              <UploadRowView key={row.key} row={row} meetingId={meetingId} onCancel={() => queue.cancel(row.key)} />
            ))}
          </ul>
          {maybeFinished.length > 0 && (
            <button type="button" className="button button-ghost" onClick={clearFinished}>
              {t.upload.clearFinished}
            </button>
          )}
        </>
      )}
    </section>
  );
}
