import type { AgendaItem, DocumentSummary } from '@hopso/shared';

export interface GroupedDocuments {
  byItem: Map<string, DocumentSummary[]>;
  /** Documents with no agenda item, or one that no longer exists. */
  other: DocumentSummary[];
}

export function groupDocumentsByAgenda(agenda: readonly AgendaItem[], documents: readonly DocumentSummary[]): GroupedDocuments {
  const byItem = new Map<string, DocumentSummary[]>(agenda.map((item) => [item.id, []]));
  const other: DocumentSummary[] = [];
  const sorted = [...documents].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title, 'vi'));
  for (const doc of sorted) {
    const list = doc.agendaItemId ? byItem.get(doc.agendaItemId) : undefined;
    if (list) list.push(doc);
    else other.push(doc);
  }
  return { byItem, other };
}
