import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { AgendaItem } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

interface SortableAgendaRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  disabled: boolean;
  onMove: (from: number, to: number) => void;
  onEdit: () => void;
  onDelete: () => void;
}

/** One agenda row: a drag handle (pointer, touch or keyboard) plus ▲ ▼ buttons for those who don't drag. */
export function SortableAgendaRow({ item, index, count, disabled, onMove, onEdit, onDelete }: SortableAgendaRowProps) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: item.id, disabled });
  const style = { transform: CSS.Transform.toString(transform), transition };
  return (
    <li
      ref={setNodeRef}
      style={style}
      className={`agenda-row card${isDragging ? ' is-dragging' : ''}`}
      data-testid="agenda-item"
      data-agenda-item-id={item.id}
      data-position={index}
    >
      <button
        type="button"
        ref={setActivatorNodeRef}
        className="button button-ghost drag-handle"
        aria-label={t.agenda.dragHandle(item.title)}
        {...attributes}
        {...listeners}
        data-testid="agenda-drag-handle"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <div className="agenda-row-body">
        <span className="agenda-item-number">{t.meeting.itemNumber(index + 1)}</span>
        <strong className="agenda-row-title">{item.title}</strong>
        {(item.presenter || item.plannedMinutes > 0) && (
          <span className="muted agenda-row-meta">
            {[item.presenter ? t.meeting.presenter(item.presenter) : '', item.plannedMinutes > 0 ? t.meeting.plannedMinutes(item.plannedMinutes) : '']
              .filter(Boolean)
              .join(' · ')}
          </span>
        )}
      </div>
      <div className="agenda-row-actions">
        <button
          type="button"
          className="button button-ghost button-icon"
          onClick={() => onMove(index, index - 1)}
          disabled={disabled || index === 0}
          aria-label={t.agenda.moveUpItem(item.title)}
          title={t.agenda.moveUp}
          data-testid="agenda-move-up"
        >
          <span aria-hidden="true">▲</span>
        </button>
        <button
          type="button"
          className="button button-ghost button-icon"
          onClick={() => onMove(index, index + 1)}
          disabled={disabled || index === count - 1}
          aria-label={t.agenda.moveDownItem(item.title)}
          title={t.agenda.moveDown}
          data-testid="agenda-move-down"
        >
          <span aria-hidden="true">▼</span>
        </button>
        <button type="button" className="button button-secondary" onClick={onEdit} data-testid="agenda-edit">
          {t.common.edit}
        </button>
        <button type="button" className="button button-danger" onClick={onDelete} data-testid="agenda-delete">
          {t.common.delete}
        </button>
      </div>
    </li>
  );
}
