import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { Annotation, Comment, DocumentDetail, DocumentSummary, MeetingDetail, Paragraph } from '@hopso/shared';
import type { OutboxItem } from './outboxTypes';

/** A meeting saved for offline reading by one user: the meeting with its agenda and its released documents. */
export interface SavedMeeting {
  meetingId: string;
  userId: string;
  meeting: MeetingDetail;
  documents: DocumentSummary[];
  /** Every document's current version is on the device (false while a download is under way or was cut off). */
  complete: boolean;
  /** Bytes the offline copy takes: PDFs plus paragraphs, annotations and comments as stored. */
  bytes: number;
  savedAt: string;
  refreshedAt: string;
}

/** One saved document: its detail and the reader's own annotations and comments (server state, never the outbox). */
export interface SavedDocument {
  documentId: string;
  meetingId: string;
  userId: string;
  detail: DocumentDetail;
  annotations: Annotation[];
  comments: Comment[];
}

/** Key `${documentId}/${versionId}`: the viewer copy of one version, as bytes. */
export interface SavedFile {
  key: string;
  documentId: string;
  versionId: string;
  data: ArrayBuffer;
  bytes: number;
}

export interface SavedParagraphs {
  key: string;
  documentId: string;
  versionId: string;
  paragraphs: Paragraph[];
  bytes: number;
}

interface HopsoOfflineDb extends DBSchema {
  meetings: { key: string; value: SavedMeeting };
  documents: { key: string; value: SavedDocument; indexes: { byMeeting: string } };
  files: { key: string; value: SavedFile; indexes: { byDocument: string } };
  paragraphs: { key: string; value: SavedParagraphs; indexes: { byDocument: string } };
  /** Writes not yet accepted by the server, in the order they were made (autoIncrement seq). */
  outbox: { key: number; value: OutboxItem; indexes: { byUser: string } };
  /** clientId → server id of annotations created through the outbox, so a later edit of one finds it. */
  clientIds: { key: string; value: { clientId: string; id: string } };
}

export type OfflineDb = IDBPDatabase<HopsoOfflineDb>;

const DB_NAME = 'hopso-offline';
const DB_VERSION = 1;
let opening: Promise<OfflineDb> | null = null;

export function fileKey(documentId: string, versionId: string): string {
  return `${documentId}/${versionId}`;
}

/** The one IndexedDB database of the app (opened on first use, shared by every caller). */
export function offlineDb(): Promise<OfflineDb> {
  opening ??= openDB<HopsoOfflineDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('meetings', { keyPath: 'meetingId' });
      db.createObjectStore('documents', { keyPath: 'documentId' }).createIndex('byMeeting', 'meetingId');
      db.createObjectStore('files', { keyPath: 'key' }).createIndex('byDocument', 'documentId');
      db.createObjectStore('paragraphs', { keyPath: 'key' }).createIndex('byDocument', 'documentId');
      db.createObjectStore('outbox', { keyPath: 'seq', autoIncrement: true }).createIndex('byUser', 'userId');
      db.createObjectStore('clientIds', { keyPath: 'clientId' });
    },
    // another tab holds an older version open: let it go rather than block this one
    blocking() {
      void opening?.then((db) => db.close());
      opening = null;
    },
  });
  return opening;
}

/** IndexedDB may be missing (private mode in some browsers): offline features then simply stay off. */
export function hasIndexedDb(): boolean {
  return typeof indexedDB !== 'undefined';
}
