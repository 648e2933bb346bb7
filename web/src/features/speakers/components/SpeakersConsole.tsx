import { useEffect, useState } from 'react';
import { closestCenter, DndContext, KeyboardSensor, MouseSensor, TouchSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { can, SPEECH_TYPES, type AgendaItem, type MeetingDetail, type Speech, type SpeechType } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { moveItem } from '../../meeting-setup/lib/moveItem';
import { useParticipants } from '../../meeting-setup/hooks/useParticipants';
import { useSpeakerActions } from '../hooks/useSpeakerActions';
import { useSpeakersList } from '../hooks/useSpeakersList';
import { formatClock } from '../lib/serverClock';
import { Countdown } from './Countdown';
import { SpeakerTotals } from './SpeakerTotals';
import { SpeakingTimesForm } from './SpeakingTimesForm';
import './speakers.css';

interface RowProps {
  speech: Speech;
  index: number;
  count: number;
  busy: boolean;
  runs: boolean;
  onMove: (from: number, to: number) => void;
  onStart: () => void;
  onRemove: () => void;
}

function SpeakerRow({ speech, index, count, busy, runs, onMove, onStart, onRemove }: RowProps) {
  const { t } = useI18n();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: speech.id, disabled: busy });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`speaker-row${isDragging ? ' is-dragging' : ''}${speech.type === 'procedural' ? ' is-procedural' : ''}`}
      data-testid="speaker-row"
      data-speech-id={speech.id}
      data-user-id={speech.userId}
    >
      <button type="button" ref={setActivatorNodeRef} className="button button-ghost drag-handle" aria-label={t.speakers.dragHandle} {...attributes} {...listeners}>
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="speaker-row-number">{index + 1}</span>
      <div className="speaker-row-body">
        <strong>{speech.name}</strong>
        <span className="muted">
          {[t.speakers.types[speech.type], speech.unit, speech.replyTo ? `${t.speakers.replyTo} ${speech.replyTo.name}` : '', speech.anchor ? `${speech.anchor.documentTitle} ¶${speech.anchor.paragraphIndex + 1}` : '', speech.addedByChair ? t.speakers.addedByChair : '']
            .filter(Boolean)
            .join(' · ')}
        </span>
      </div>
      <div className="speaker-row-actions">
        <button type="button" className="button button-ghost button-icon" disabled={busy || index === 0} onClick={() => onMove(index, index - 1)} title={t.speakers.moveUp} aria-label={`${t.speakers.moveUp}: ${speech.name}`} data-testid="speaker-up">
          <span aria-hidden="true">▲</span>
        </button>
        <button type="button" className="button button-ghost button-icon" disabled={busy || index === count - 1} onClick={() => onMove(index, index + 1)} title={t.speakers.moveDown} aria-label={`${t.speakers.moveDown}: ${speech.name}`} data-testid="speaker-down">
          <span aria-hidden="true">▼</span>
        </button>
        {runs && (
          <button type="button" className="button button-primary" disabled={busy} onClick={onStart} data-testid="speaker-start">
            {t.speakers.start}
          </button>
        )}
        <button type="button" className="button button-secondary" disabled={busy} onClick={onRemove} data-testid="speaker-remove">
          {t.speakers.remove}
        </button>
      </div>
    </li>
  );
}

function AddFromHall({ meeting, onAdd, busy }: { meeting: MeetingDetail; onAdd: (userId: string, type: SpeechType) => void; busy: boolean }) {
  const { t } = useI18n();
  const participants = useParticipants(meeting.id);
  const [userId, setUserId] = useState('');
  const [type, setType] = useState<SpeechType>('contribution');
  const people = (participants.data ?? []).filter((p) => p.role !== 'observer');
  return (
    <details className="speakers-add">
      <summary>{t.speakers.addFromHall}</summary>
      <div className="speakers-add-form">
        <SelectField label={t.speakers.addPerson} value={userId} onChange={(e) => setUserId(e.target.value)} testId="speakers-add-person">
          <option value="">{t.speakers.addPerson}</option>
          {people.map((p) => (
            <option key={p.userId} value={p.userId}>
              {p.fullName}
              {p.unit ? ` (${p.unit})` : ''}
            </option>
          ))}
        </SelectField>
        <SelectField label={t.speakers.addType} value={type} onChange={(e) => setType(e.target.value as SpeechType)} testId="speakers-add-type">
          {SPEECH_TYPES.filter((k) => k !== 'reply').map((k) => (
            <option key={k} value={k}>
              {t.speakers.types[k]}
            </option>
          ))}
        </SelectField>
        <button type="button" className="button button-primary" disabled={!userId || busy} onClick={() => (onAdd(userId, type), setUserId(''))} data-testid="speakers-add">
          {t.speakers.add}
        </button>
      </div>
    </details>
  );
}

/** The chair's console for the floor of one agenda item: the speaker with their countdown, the queue, the record. */
export function SpeakersConsole({ meeting, item, number }: { meeting: MeetingDetail; item: AgendaItem | null; number: number }) {
  const { t } = useI18n();
  const list = useSpeakersList(meeting.id, item?.id);
  const actions = useSpeakerActions(meeting.id, item?.id ?? '');
  const [order, setOrder] = useState<Speech[]>([]);
  useEffect(() => setOrder(list.data?.waiting ?? []), [list.data]);
  const sensors = useSensors(
    useSensor(MouseSensor, { activationConstraint: { distance: 4 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 150, tolerance: 8 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const runs = can(meeting.myRole, 'speakers.run');
  const l = list.data;

  const move = (from: number, to: number) => {
    if (!l) return;
    const next = moveItem(order, from, to);
    setOrder(next);
    actions.mutate({ kind: 'reorder', version: l.version, speechIds: next.map((s) => s.id) });
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(
      order.findIndex((s) => s.id === active.id),
      order.findIndex((s) => s.id === over.id),
    );
  };

  return (
    <section className="section card speakers-console" aria-labelledby="speakers-console-heading" data-testid="speakers-console">
      <h2 id="speakers-console-heading">{t.speakers.consoleTitle}</h2>
      {!item ? (
        <p className="muted">{t.speakers.noItem}</p>
      ) : (
        <>
          <p className="muted">{t.speakers.forItem(number, item.title)}</p>
          {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
          {actions.isError && <ErrorMessage error={actions.error} testId="speakers-error" />}
          {l?.openIssue && (
            <p className="floor-issue">
              <strong>{t.speakers.openIssue}:</strong> {l.openIssue.title}
            </p>
          )}
          {l && order.some((s) => s.type === 'procedural') && (
            <p className="alert alert-warning" role="alert" data-testid="speakers-procedural-alert">
              {t.speakers.procedureAlert}
            </p>
          )}
          <div className="speakers-current" data-testid="speakers-current">
            {l?.current ? (
              <>
                <div>
                  <p className="floor-current-label">{t.speakers.nowSpeaking}</p>
                  <p className="floor-current-name" data-testid="speakers-current-name">
                    <strong>{l.current.name}</strong> · {t.speakers.types[l.current.type]}
                    {l.current.extraSeconds > 0 ? ` (+${formatClock(l.current.extraSeconds)})` : ''}
                  </p>
                </div>
                <Countdown speech={l.current} />
                {runs && (
                  <div className="button-row">
                    <button type="button" className="button button-secondary" disabled={actions.isPending} onClick={() => actions.mutate({ kind: 'extend', speechId: l.current!.id, seconds: 60 })} data-testid="speakers-extend">
                      {t.speakers.extra}
                    </button>
                    <button
                      type="button"
                      className="button button-secondary"
                      disabled={actions.isPending}
                      onClick={() => actions.mutate({ kind: l.current!.pausedAt ? 'resume' : 'pause', speechId: l.current!.id })}
                      data-testid={l.current.pausedAt ? 'speakers-resume' : 'speakers-pause'}
                    >
                      {l.current.pausedAt ? t.speakers.resume : t.speakers.pause}
                    </button>
                    <button type="button" className="button button-danger" disabled={actions.isPending} onClick={() => actions.mutate({ kind: 'stop', speechId: l.current!.id })} data-testid="speakers-stop">
                      {t.speakers.stop}
                    </button>
                  </div>
                )}
              </>
            ) : (
              <p className="muted">{t.speakers.nobodySpeaking}</p>
            )}
            {runs && (
              <button type="button" className="button button-primary button-large" disabled={actions.isPending || (!l?.current && order.length === 0)} onClick={() => actions.mutate({ kind: 'next' })} data-testid="speakers-next">
                {t.speakers.next}
              </button>
            )}
          </div>

          <div className="speakers-queue-head">
            <h3>{t.speakers.queue}</h3>
            {l && (
              <button type="button" className="button button-secondary" disabled={actions.isPending} onClick={() => actions.mutate({ kind: 'close', closed: !l.closed })} data-testid="speakers-close" data-closed={l.closed ? 'true' : 'false'}>
                {l.closed ? t.speakers.reopenList : t.speakers.closeList}
              </button>
            )}
          </div>
          {l?.closed && <p className="muted">{t.speakers.listClosed}</p>}
          {order.length === 0 ? (
            <p className="muted" data-testid="speakers-queue-empty">
              {t.speakers.queueEmpty}
            </p>
          ) : (
            <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
              <SortableContext items={order.map((s) => s.id)} strategy={verticalListSortingStrategy}>
                <ol className="speaker-rows" data-testid="speakers-queue">
                  {order.map((s, i) => (
                    <SpeakerRow
                      key={s.id}
                      speech={s}
                      index={i}
                      count={order.length}
                      busy={actions.isPending}
                      runs={runs}
                      onMove={move}
                      onStart={() => actions.mutate({ kind: 'start', speechId: s.id })}
                      onRemove={() => actions.mutate({ kind: 'withdraw', speechId: s.id })}
                    />
                  ))}
                </ol>
              </SortableContext>
            </DndContext>
          )}
          <AddFromHall meeting={meeting} busy={actions.isPending} onAdd={(userId, type) => actions.mutate({ kind: 'add', body: { userId, type, replyToSpeechId: null, questionIssueId: type === 'question' || type === 'followup' || type === 'answer' ? (l?.openIssue?.id ?? null) : null } })} />
        </>
      )}
      <SpeakerTotals meetingId={meeting.id} />
      <SpeakingTimesForm meetingId={meeting.id} />
    </section>
  );
}
