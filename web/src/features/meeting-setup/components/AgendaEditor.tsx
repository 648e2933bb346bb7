import { useMemo, useState } from 'react';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  MouseSensor,
  TouchSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { AgendaItem, MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useAddAgendaItem } from '../hooks/useAddAgendaItem';
import { useDeleteAgendaItem } from '../hooks/useDeleteAgendaItem';
import { useReorderAgenda } from '../hooks/useReorderAgenda';
import { useUpdateAgendaItem } from '../hooks/useUpdateAgendaItem';
import { moveItem } from '../lib/moveItem';
import { AgendaItemForm } from './AgendaItemForm';
import { SortableAgendaRow } from './SortableAgendaRow';
import { useConfirm } from '../../../ui/useConfirm';

export function AgendaEditor({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const items = useMemo(() => [...meeting.agenda].sort((a, b) => a.position - b.position), [meeting.agenda]);
  const add = useAddAgendaItem(meeting.id);
  const update = useUpdateAgendaItem(meeting.id);
  const remove = useDeleteAgendaItem(meeting.id);
  const confirm = useConfirm();
  const reorder = useReorderAgenda(meeting.id);
  const [adding, setAdding] = useState(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    // a short press on the handle starts a drag; the page still scrolls when swiping elsewhere
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const titleOf = (id: string | number) => items.find((i) => i.id === id)?.title ?? '';
  const positionOf = (id: string | number) => items.findIndex((i) => i.id === id) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t.agenda.dragStart(titleOf(active.id)),
    onDragOver: ({ active, over }) => (over ? t.agenda.dragOver(titleOf(active.id), positionOf(over.id)) : undefined),
    onDragEnd: ({ active, over }) => (over ? t.agenda.dragEnd(titleOf(active.id), positionOf(over.id)) : t.agenda.dragCancel(titleOf(active.id))),
    onDragCancel: ({ active }) => t.agenda.dragCancel(titleOf(active.id)),
  };

  const saveOrder = (next: AgendaItem[]) => {
    reorder.mutate(
      next.map((i) => i.id),
      { onSuccess: () => setAnnouncement(t.agenda.orderSaved) },
    );
  };
  const move = (from: number, to: number) => {
    if (to < 0 || to >= items.length || from === to) return;
    saveOrder(moveItem(items, from, to));
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(
      items.findIndex((i) => i.id === active.id),
      items.findIndex((i) => i.id === over.id),
    );
  };

  return (
    <section aria-labelledby="agenda-editor-heading" data-testid="agenda-editor">
      <div className="page-header">
        <h2 id="agenda-editor-heading">{t.agenda.title}</h2>
        {!adding && (
          <button type="button" className="button button-primary" onClick={() => setAdding(true)} data-testid="agenda-add">
            <span aria-hidden="true">+</span> {t.agenda.add}
          </button>
        )}
      </div>
      {adding && (
        <AgendaItemForm
          heading={t.agenda.addTitle}
          pending={add.isPending}
          error={add.error}
          onSubmit={(body) =>
            add.mutate(body, {
              onSuccess: () => {
                setAdding(false);
                add.reset();
              },
            })
          }
          onCancel={() => {
            setAdding(false);
            add.reset();
          }}
        />
      )}
      {reorder.isError && <ErrorMessage error={reorder.error} />}
      {remove.isError && <ErrorMessage error={remove.error} />}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {items.length === 0 && !adding && <p className="empty-state">{t.agenda.empty}</p>}
      {items.length > 1 && <p className="muted">{t.agenda.reorderHint}</p>}
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions: { draggable: t.agenda.reorderHint } }}>
        <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
          <ol className="agenda-rows" data-testid="agenda-rows">
            {items.map((item, index) =>
              editingId === item.id ? (
                <li key={item.id}>
                  <AgendaItemForm
                    heading={t.agenda.editTitle}
                    initial={item}
                    pending={update.isPending}
                    error={update.error}
                    onSubmit={(body) =>
                      update.mutate(
                        { itemId: item.id, body },
                        {
                          onSuccess: () => {
                            setEditingId(null);
                            update.reset();
                          },
                        },
                      )
                    }
                    onCancel={() => {
                      setEditingId(null);
                      update.reset();
                    }}
                  />
                </li>
              ) : (
                <SortableAgendaRow
                  key={item.id}
                  item={item}
                  index={index}
                  count={items.length}
                  disabled={reorder.isPending || editingId !== null}
                  onMove={move}
                  onEdit={() => setEditingId(item.id)}
                  onDelete={() =>
                    confirm.ask({ title: t.chairHall.title, message: t.agenda.confirmDelete(item.title), confirmLabel: t.chairHall.delete, testId: 'agenda-delete-dialog', onConfirm: () => remove.mutate(item.id) })
                  }
                />
              ),
            )}
          </ol>
        </SortableContext>
      </DndContext>
      {confirm.dialog}
    </section>
  );
}
