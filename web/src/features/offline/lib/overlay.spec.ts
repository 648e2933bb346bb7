import type { Annotation, Anchor } from '@hopso/shared';
import { annotationTarget, isLocalId, localId, overlayAnnotations, overlayComments, upsertByClientId } from './overlay';
import type { OutboxItem } from './outboxTypes';

const anchor: Anchor = { versionId: 'v1', paragraphId: 'p1', quote: { exact: 'ngân sách xã', prefix: '', suffix: '' }, rects: [{ page: 1, x: 10, y: 10, w: 50, h: 10 }] };
const base = { userId: 'u1', meetingId: 'm1', documentId: 'd1', documentTitle: 'Dự thảo', createdAt: '2026-11-24T20:00:00.000Z', attempts: 0, refusal: null };

function stored(id: string, clientId: string, note = ''): Annotation {
  return { id, clientId, documentId: 'd1', anchor: { ...anchor, detached: false }, color: 'yellow', note, editedAt: '2026-11-20T00:00:00.000Z', conflictOf: null, createdAt: '2026-11-20T00:00:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z' };
}

describe('overlayAnnotations', () => {
  it('shows a highlight made offline as a local one until the server has it', () => {
    const items: OutboxItem[] = [{ ...base, state: 'pending', kind: 'annotation.create', body: { clientId: 'c1', anchor, color: 'green', note: '' } }];
    const [local] = overlayAnnotations([], items, 'd1');
    expect(local).toMatchObject({ id: localId('c1'), clientId: 'c1', color: 'green' });
    expect(isLocalId(local.id)).toBe(true);
    // once the server list holds it (same clientId), it is not added a second time
    expect(overlayAnnotations([stored('a1', 'c1')], items, 'd1').map((a) => a.id)).toEqual(['a1']);
  });

  it('applies pending edits and deletes in order, keeping the server updatedAt as the base', () => {
    const items: OutboxItem[] = [
      { ...base, state: 'pending', kind: 'annotation.update', target: { id: 'a1', clientId: 'c1' }, body: { note: 'một', editedAt: '2026-11-24T20:01:00.000Z' } },
      { ...base, state: 'pending', kind: 'annotation.update', target: { id: 'a1', clientId: 'c1' }, body: { note: 'hai', editedAt: '2026-11-24T20:02:00.000Z' } },
      { ...base, state: 'pending', kind: 'annotation.delete', target: { id: null, clientId: 'c2' } },
    ];
    const list = overlayAnnotations([stored('a1', 'c1'), stored('a2', 'c2')], items, 'd1');
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: 'a1', note: 'hai', editedAt: '2026-11-24T20:02:00.000Z', updatedAt: '2026-11-20T00:00:00.000Z' });
  });

  it('leaves out refused items and other documents', () => {
    const items: OutboxItem[] = [
      { ...base, state: 'refused', refusal: { status: 400, code: 'VALIDATION_FAILED', message: 'bad' }, kind: 'annotation.create', body: { clientId: 'c1', anchor, color: 'green', note: '' } },
      { ...base, documentId: 'd2', state: 'pending', kind: 'annotation.create', body: { clientId: 'c3', anchor, color: 'green', note: '' } },
    ];
    expect(overlayAnnotations([], items, 'd1')).toEqual([]);
  });

  it('targets a local highlight by its clientId (no server id yet)', () => {
    expect(annotationTarget({ id: localId('c9'), clientId: 'c9' })).toEqual({ id: null, clientId: 'c9' });
    expect(annotationTarget({ id: 'a1', clientId: 'c1' })).toEqual({ id: 'a1', clientId: 'c1' });
  });
});

describe('overlayComments', () => {
  it('shows a comment written offline with the time it was written', () => {
    const items: OutboxItem[] = [{ ...base, state: 'pending', kind: 'comment.create', body: { clientId: 'k1', anchor, body: 'Góp ý', writtenAt: '2026-11-24T20:00:00.000Z' } }];
    const [comment] = overlayComments([], items, 'd1');
    expect(comment).toMatchObject({ id: localId('k1'), body: 'Góp ý', writtenAt: '2026-11-24T20:00:00.000Z', status: 'sent', meetingId: 'm1' });
  });
});

describe('upsertByClientId', () => {
  it('replaces the local stand-in with the stored annotation', () => {
    const local = { ...stored(localId('c1'), 'c1') };
    expect(upsertByClientId([local], stored('a1', 'c1')).map((a) => a.id)).toEqual(['a1']);
  });
});
