import type { AgendaItem, MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useSetCurrentItem } from '../hooks/useSetCurrentItem';

/** The item under discussion in big type, "next item", and one big button per agenda item. */
export function AgendaControl({ meeting, agenda }: { meeting: MeetingDetail; agenda: readonly AgendaItem[] }) {
  const { t } = useI18n();
  const setCurrent = useSetCurrentItem(meeting.id);
  const index = agenda.findIndex((item) => item.id === meeting.currentAgendaItemId);
  const current = index >= 0 ? agenda[index] : null;
  const next = index + 1 < agenda.length ? agenda[index + 1] : null;
  const closed = meeting.status === 'closed';

  return (
    <section className="card console-section" aria-labelledby="console-current-heading" data-testid="agenda-control">
      <h2 id="console-current-heading">{t.console.currentItem}</h2>
      <div className={`console-current${current ? ' has-item' : ''}`} aria-live="polite" data-testid="console-current" data-agenda-item-id={current?.id}>
        {current ? (
          <>
            <span className="console-current-number">{t.meeting.itemNumber(index + 1)}</span>
            <span className="console-current-title">{current.title}</span>
            {current.presenter && <span className="console-current-meta">{t.meeting.presenter(current.presenter)}</span>}
          </>
        ) : (
          <span className="muted">{t.console.noCurrentItem}</span>
        )}
      </div>

      {agenda.length > 0 && meeting.status === 'published' && (
        <p className="field-hint console-before-start" data-testid="agenda-before-start-hint">
          {t.chairHall.agendaBeforeStart}
        </p>
      )}
      {agenda.length > 0 && !closed && (
        <div className="console-next">
          {next ? (
            <button
              type="button"
              className="button button-primary button-big button-block"
              disabled={setCurrent.isPending}
              onClick={() => setCurrent.mutate(next.id)}
              data-testid="agenda-next"
            >
              {current ? t.console.next : t.console.first} →
            </button>
          ) : (
            <p className="muted">{t.console.lastItem}</p>
          )}
        </div>
      )}
      {setCurrent.isError && <ErrorMessage error={setCurrent.error} />}

      <h3 className="console-agenda-title">{t.console.agenda}</h3>
      {agenda.length === 0 ? (
        <p className="empty-state">{t.meeting.noAgenda}</p>
      ) : (
        <ol className="console-agenda" data-testid="console-agenda">
          {agenda.map((item, i) => {
            const isCurrent = item.id === meeting.currentAgendaItemId;
            return (
              <li key={item.id}>
                <button
                  type="button"
                  className={`console-agenda-item${isCurrent ? ' is-current' : ''}`}
                  aria-pressed={isCurrent}
                  disabled={closed || setCurrent.isPending}
                  onClick={() => {
                    if (!isCurrent) setCurrent.mutate(item.id);
                  }}
                  data-testid="console-agenda-item"
                  data-agenda-item-id={item.id}
                >
                  <span className="visually-hidden">{t.console.setCurrentPrefix} </span>
                  <span className="console-agenda-number">{i + 1}</span>
                  <span className="console-agenda-text">
                    <span className="console-agenda-name">{item.title}</span>
                    {isCurrent && <span className="current-item-badge">{t.live.currentItem}</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {current && !closed && (
        <button type="button" className="button button-ghost" disabled={setCurrent.isPending} onClick={() => setCurrent.mutate(null)} data-testid="agenda-clear">
          {t.console.clearCurrent}
        </button>
      )}
    </section>
  );
}
