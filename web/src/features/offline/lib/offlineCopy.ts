import type { DocumentSummary, MeetingDetail } from '@hopso/shared';
import { NetworkError } from '../../../lib/api-client';
import { connectivity } from './connectivity';
import { offlineApi } from './offlineApi';
import { fileKey, hasIndexedDb, offlineDb, type SavedMeeting } from './offlineDb';
import { offlineStore } from './offlineStore';
import { offlineSession } from './session';

/** A download under way, for the progress bar. */
export interface SaveProgress {
  meetingId: string;
  /** Bytes fetched so far and the (estimated) total: files count by their size, the rest is small. */
  loadedBytes: number;
  totalBytes: number;
  doneDocuments: number;
  totalDocuments: number;
  /** A refresh in the background (new documents, new versions) rather than a save the delegate asked for. */
  background: boolean;
}

export type SaveState = { status: 'idle' } | { status: 'saving'; progress: SaveProgress } | { status: 'error'; error: unknown };

// ---- a tiny store of save states and saved meetings, for useSyncExternalStore ----

const states = new Map<string, SaveState>();
const listeners = new Set<() => void>();
const IDLE: SaveState = { status: 'idle' };
let version = 0;

function setState(meetingId: string, state: SaveState): void {
  states.set(meetingId, state);
  changed();
}
function changed(): void {
  version += 1;
  for (const l of listeners) l();
}
export const saveStates = {
  get: (meetingId: string): SaveState => states.get(meetingId) ?? IDLE,
  version: () => version,
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Something about saved meetings changed (saved, refreshed, removed). */
  changed,
};

const running = new Map<string, Promise<SavedMeeting | null>>();

/** Reads a response body chunk by chunk, so the progress bar moves during a large PDF. */
async function download(url: string, onBytes: (n: number) => void): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    connectivity.reportFailure();
    throw new NetworkError(error instanceof Error ? error.message : undefined);
  }
  if (!response.ok || !response.body) throw new NetworkError(`HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
      onBytes(value.byteLength);
    }
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : undefined);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}

const jsonBytes = (value: unknown) => new Blob([JSON.stringify(value)]).size;

/**
 * Saves (or brings up to date) a meeting for offline reading: the meeting with its agenda, and for
 * every released, ingested document its detail, the viewer copy of its current version, that
 * version's paragraphs and the reader's own annotations and comments. Files already on the device
 * are not fetched again, so a refresh only downloads what is new; versions no longer current are
 * removed. One run per meeting at a time.
 */
export function saveMeetingOffline(meetingId: string, { background = false } = {}): Promise<SavedMeeting | null> {
  const existing = running.get(meetingId);
  if (existing) return existing;
  const run = doSave(meetingId, background)
    .then((saved) => {
      setState(meetingId, IDLE);
      return saved;
    })
    .catch((error: unknown) => {
      setState(meetingId, background ? IDLE : { status: 'error', error });
      if (!background) throw error;
      return null;
    })
    .finally(() => {
      running.delete(meetingId);
      changed();
    });
  running.set(meetingId, run);
  return run;
}

async function doSave(meetingId: string, background: boolean): Promise<SavedMeeting> {
  const userId = offlineSession.userId;
  if (!userId || !hasIndexedDb()) throw new Error('Offline storage is not available');
  // ask the browser to keep this data under storage pressure (Android evicts "best effort" data first)
  void navigator.storage?.persist?.().catch(() => false);
  const db = await offlineDb();
  const previous = await offlineStore.savedMeeting(meetingId);
  const meeting: MeetingDetail = await offlineApi.sources.meeting(meetingId);
  const all: DocumentSummary[] = await offlineApi.sources.meetingDocuments(meetingId);
  const documents = all.filter((d) => d.currentVersion.status === 'ready');

  const missing: DocumentSummary[] = [];
  for (const d of documents) if (!(await db.getKey('files', fileKey(d.id, d.currentVersion.id)))) missing.push(d);
  const progress: SaveProgress = {
    meetingId,
    loadedBytes: 0,
    totalBytes: missing.reduce((s, d) => s + d.currentVersion.sizeBytes, 0),
    doneDocuments: 0,
    totalDocuments: documents.length,
    background,
  };
  const report = () => setState(meetingId, { status: 'saving', progress: { ...progress } });
  report();

  // the meeting is recorded first (not complete yet), so a cut-off download resumes where it stopped
  const base: SavedMeeting = {
    meetingId,
    userId,
    meeting,
    documents,
    complete: false,
    bytes: previous?.bytes ?? 0,
    savedAt: previous?.savedAt ?? new Date().toISOString(),
    refreshedAt: new Date().toISOString(),
  };
  await db.put('meetings', { ...base, complete: previous?.complete ?? false });

  for (const d of documents) {
    const versionId = d.currentVersion.id;
    const [detail, annotations, comments] = await Promise.all([offlineApi.sources.document(d.id), offlineApi.sources.annotations(d.id), offlineApi.sources.comments(d.id)]);
    const key = fileKey(d.id, versionId);
    if (!(await db.getKey('paragraphs', key))) {
      const paragraphs = await offlineApi.sources.paragraphs(d.id, versionId);
      await db.put('paragraphs', { key, documentId: d.id, versionId, paragraphs, bytes: jsonBytes(paragraphs) });
    }
    if (!(await db.getKey('files', key))) {
      const data = await download(offlineApi.sources.fileUrl(d.id, versionId), (n) => {
        progress.loadedBytes += n;
        report();
      });
      // the viewer copy may differ in size from the original the estimate used
      progress.totalBytes += data.byteLength - d.currentVersion.sizeBytes;
      await db.put('files', { key, documentId: d.id, versionId, data, bytes: data.byteLength });
    }
    await db.put('documents', { documentId: d.id, meetingId, userId, detail, annotations, comments });
    // older versions are replaced by the current one
    for (const old of await db.getAllKeysFromIndex('files', 'byDocument', d.id)) if (old !== key) await db.delete('files', old);
    for (const old of await db.getAllKeysFromIndex('paragraphs', 'byDocument', d.id)) if (old !== key) await db.delete('paragraphs', old);
    progress.doneDocuments += 1;
    report();
  }

  // documents withdrawn from the meeting (or no longer released) leave the device
  const keep = new Set(documents.map((d) => d.id));
  for (const doc of await db.getAllFromIndex('documents', 'byMeeting', meetingId)) if (!keep.has(doc.documentId)) await removeDocument(doc.documentId);

  const saved: SavedMeeting = { ...base, complete: true, bytes: await measure(meetingId) };
  await db.put('meetings', saved);
  return saved;
}

async function removeDocument(documentId: string): Promise<void> {
  const db = await offlineDb();
  for (const key of await db.getAllKeysFromIndex('files', 'byDocument', documentId)) await db.delete('files', key);
  for (const key of await db.getAllKeysFromIndex('paragraphs', 'byDocument', documentId)) await db.delete('paragraphs', key);
  await db.delete('documents', documentId);
}

/** The space a saved meeting takes on the device. */
async function measure(meetingId: string): Promise<number> {
  const db = await offlineDb();
  let bytes = 0;
  const saved = await db.get('meetings', meetingId);
  if (saved) bytes += jsonBytes(saved.meeting) + jsonBytes(saved.documents);
  for (const doc of await db.getAllFromIndex('documents', 'byMeeting', meetingId)) {
    bytes += jsonBytes(doc);
    for (const f of await db.getAllFromIndex('files', 'byDocument', doc.documentId)) bytes += f.bytes;
    for (const p of await db.getAllFromIndex('paragraphs', 'byDocument', doc.documentId)) bytes += p.bytes;
  }
  return bytes;
}

/** "Xóa bản lưu offline": the meeting and its documents leave the device (unsent writes stay in the outbox). */
export async function removeMeetingOffline(meetingId: string): Promise<void> {
  await running.get(meetingId)?.catch(() => null);
  const db = await offlineDb();
  for (const doc of await db.getAllFromIndex('documents', 'byMeeting', meetingId)) await removeDocument(doc.documentId);
  await db.delete('meetings', meetingId);
  setState(meetingId, IDLE);
}

/**
 * Brings every saved meeting of the signed-in user up to date (newly released documents, new
 * versions, annotations and comments), quietly: at app start, when the connection returns, after
 * the outbox was sent and when the meeting's documents change live.
 */
export async function refreshSavedMeetings(only?: readonly string[]): Promise<void> {
  if (navigator.onLine === false) return;
  const saved = await offlineStore.savedMeetings().catch(() => []);
  for (const m of saved) {
    if (only && !only.includes(m.meetingId)) continue;
    await saveMeetingOffline(m.meetingId, { background: true });
  }
}
