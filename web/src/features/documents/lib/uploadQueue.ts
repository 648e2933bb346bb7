/** Client-side state of the upload screen: one row per chosen file. Pure, so it can be unit-tested. */
export type UploadRowStatus = 'queued' | 'uploading' | 'processing' | 'rejected' | 'cancelled';

export interface UploadRow {
  key: string;
  file: File;
  agendaItemId: string | null;
  /** The title the secretary confirmed (null: the server names it after the file). */
  title: string | null;
  status: UploadRowStatus;
  /** 0–100 while sending the bytes. */
  uploadProgress: number;
  /** Set once the server accepted the file; ingest progress is then polled from the document. */
  documentId: string | null;
  error: unknown;
}

export type UploadAction =
  | { type: 'add'; rows: UploadRow[] }
  | { type: 'start'; key: string }
  | { type: 'progress'; key: string; percent: number }
  | { type: 'accepted'; key: string; documentId: string }
  | { type: 'rejected'; key: string; error: unknown }
  | { type: 'cancel'; key: string }
  | { type: 'remove'; keys: readonly string[] };

export function uploadReducer(rows: UploadRow[], action: UploadAction): UploadRow[] {
  const patch = (key: string, change: Partial<UploadRow>) => rows.map((r) => (r.key === key ? { ...r, ...change } : r));
  switch (action.type) {
    case 'add':
      return [...rows, ...action.rows];
    case 'start':
      return patch(action.key, { status: 'uploading', uploadProgress: 0 });
    case 'progress':
      return patch(action.key, { uploadProgress: action.percent });
    case 'accepted':
      return patch(action.key, { status: 'processing', uploadProgress: 100, documentId: action.documentId });
    case 'rejected':
      return patch(action.key, { status: 'rejected', error: action.error });
    case 'cancel':
      return patch(action.key, { status: 'cancelled' });
    case 'remove':
      return rows.filter((r) => !action.keys.includes(r.key));
    default:
      return rows;
  }
}

/** Rows to start now so that at most `concurrency` upload at once, in the order they were chosen. */
export function nextToStart(rows: readonly UploadRow[], concurrency: number): UploadRow[] {
  const running = rows.filter((r) => r.status === 'uploading').length;
  return rows.filter((r) => r.status === 'queued').slice(0, Math.max(0, concurrency - running));
}

let counter = 0;
export function newUploadRow(file: File, agendaItemId: string | null, title: string | null = null): UploadRow {
  counter += 1;
  return { key: `${Date.now()}-${counter}`, file, agendaItemId, title, status: 'queued', uploadProgress: 0, documentId: null, error: null };
}
