import type { AgendaItem, DocumentSummary } from '@hopso/shared';

export interface GroupedDocuments {
  byItem: Map<string, DocumentSummary[]>;
  /** Documents with no agenda item, or one that no longer exists. */
  other: DocumentSummary[];
}

// ISO times sort as plain strings; the Vietnamese collator (whose first use costs a phone tens of
// milliseconds of its first paint) is made only when two documents were added at the same moment
let collator: Intl.Collator | null = null;
const titleOrder = () => (collator ??= new Intl.Collator('vi'));

export function groupDocumentsByAgenda(agenda: readonly AgendaItem[], documents: readonly DocumentSummary[]): GroupedDocuments {
  const byItem = new Map<string, DocumentSummary[]>(agenda.map((item) => [item.id, []]));
  const other: DocumentSummary[] = [];
  const sorted = [...documents].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : titleOrder().compare(a.title, b.title)));
  for (const doc of sorted) {
    const list = doc.agendaItemId ? byItem.get(doc.agendaItemId) : undefined;
    if (list) list.push(doc);
    else other.push(doc);
  }
  return { byItem, other };
}
