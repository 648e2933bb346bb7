import type { AgendaItem, DocumentSummary } from '@hopso/shared';
import { groupDocumentsByAgenda } from './groupDocumentsByAgenda';

const item = (id: string) => ({ id }) as AgendaItem;
const doc = (title: string, createdAt: string, agendaItemId: string | null) => ({ id: title, title, createdAt, agendaItemId }) as DocumentSummary;

describe('groupDocumentsByAgenda', () => {
  it('puts documents under their item in the order they were added, titles in Vietnamese order when added together', () => {
    const at = '2026-11-20T08:00:00.000Z';
    const { byItem, other } = groupDocumentsByAgenda(
      [item('a'), item('b')],
      [
        doc('Tờ trình', '2026-11-20T09:00:00.000Z', 'a'),
        doc('Đề án', at, 'a'),
        doc('Dự thảo', at, 'a'),
        doc('Báo cáo', at, 'a'),
        doc('Phụ lục', at, 'gone'),
        doc('Ghi chú', at, null),
      ],
    );
    expect(byItem.get('a')!.map((d) => d.title)).toEqual(['Báo cáo', 'Dự thảo', 'Đề án', 'Tờ trình']);
    expect(byItem.get('b')).toEqual([]);
    expect(other.map((d) => d.title)).toEqual(['Ghi chú', 'Phụ lục']);
  });
});
