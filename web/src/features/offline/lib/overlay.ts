import type { Annotation, Comment } from '@hopso/shared';
import type { AnnotationTarget, OutboxItem } from './outboxTypes';

/** Annotations and comments made on this device and not yet stored by the server carry this id. */
const LOCAL_PREFIX = 'local:';

export const localId = (clientId: string) => `${LOCAL_PREFIX}${clientId}`;
export const isLocalId = (id: string) => id.startsWith(LOCAL_PREFIX);

/** The target of an edit or a delete of this annotation (a local one has no server id yet). */
export function annotationTarget(annotation: Pick<Annotation, 'id' | 'clientId'>): AnnotationTarget {
  return { id: isLocalId(annotation.id) ? null : annotation.id, clientId: annotation.clientId };
}

const matches = (target: AnnotationTarget) => (a: Annotation) => (target.id !== null && a.id === target.id) || a.clientId === target.clientId;

/** The item as the annotation it will become, until the server answers with the real one. */
function localAnnotation(item: Extract<OutboxItem, { kind: 'annotation.create' }>): Annotation {
  const { body } = item;
  return {
    id: localId(body.clientId),
    clientId: body.clientId,
    documentId: item.documentId,
    anchor: { ...body.anchor, detached: false },
    color: body.color,
    note: body.note,
    editedAt: item.createdAt,
    conflictOf: null,
    createdAt: item.createdAt,
    updatedAt: item.createdAt,
  };
}

/**
 * What the reader should see: the server's annotations of a document with the outbox's pending
 * writes applied in order (an item already in the list, by clientId, is not added twice). `updatedAt` stays the server's, since an edit's base is the last state
 * the server confirmed. Refused items are not applied (they live in the outbox list, with the reason).
 */
export function overlayAnnotations(base: readonly Annotation[], items: readonly OutboxItem[], documentId: string): Annotation[] {
  let list = [...base];
  for (const item of items) {
    if (item.state !== 'pending' || item.documentId !== documentId) continue;
    if (item.kind === 'annotation.create') {
      if (!list.some((a) => a.clientId === item.body.clientId)) list = [...list, localAnnotation(item)];
    } else if (item.kind === 'annotation.update') {
      const { color, note, editedAt } = item.body;
      list = list.map((a) => (matches(item.target)(a) ? { ...a, ...(color ? { color } : {}), ...(note !== undefined ? { note } : {}), editedAt } : a));
    } else if (item.kind === 'annotation.delete') {
      list = list.filter((a) => !matches(item.target)(a));
    }
  }
  return list;
}

export function overlayComments(base: readonly Comment[], items: readonly OutboxItem[], documentId: string): Comment[] {
  let list = [...base];
  for (const item of items) {
    if (item.state !== 'pending' || item.documentId !== documentId || item.kind !== 'comment.create') continue;
    if (list.some((c) => c.clientId === item.body.clientId)) continue;
    const { body } = item;
    list = [
      ...list,
      {
        id: localId(body.clientId),
        clientId: body.clientId,
        meetingId: item.meetingId,
        documentId: item.documentId,
        documentTitle: item.documentTitle,
        agendaItemId: null,
        authorId: item.userId,
        authorName: '',
        anchor: { ...body.anchor, detached: false },
        paragraphIndex: null,
        paragraphLabel: null,
        body: body.body,
        status: 'sent',
        reply: '',
        writtenAt: body.writtenAt,
        createdAt: item.createdAt,
        updatedAt: item.createdAt,
        messages: [],
        resolvedAt: null,
      },
    ];
  }
  return list;
}

/** The server's list without anything made only on this device (what is worth storing offline). */
export function serverOnly<T extends { id: string }>(list: readonly T[]): T[] {
  return list.filter((x) => !isLocalId(x.id));
}

/** Puts `item` in place of the entry with the same clientId (a local stand-in or an older copy), or adds it. */
export function upsertByClientId<T extends { id: string; clientId: string }>(list: readonly T[] | undefined, item: T): T[] {
  const current = list ?? [];
  return current.some((x) => x.clientId === item.clientId || x.id === item.id)
    ? current.map((x) => (x.clientId === item.clientId || x.id === item.id ? item : x))
    : [...current, item];
}
