import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import type { AppNotification } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useDismissOnEscapeOrOutside } from '../../../ui/useDismissOnEscapeOrOutside';
import { useNotifications } from '../hooks/useNotifications';
import { notificationTarget } from '../lib/notificationTarget';
import './notifications.css';

/**
 * When a notification came, on its meeting's council clock (the bell sits above every meeting, so
 * the page's scope may be another meeting's or none); the meeting comes from the shared cache.
 */
function NotificationTime({ notification }: { notification: AppNotification }) {
  const meeting = useMeeting(notification.meetingId);
  const when = useDateTime(meeting.data?.councilTimeZone);
  return <time dateTime={notification.createdAt}>{when(notification.createdAt)}</time>;
}

/** Thông báo: a bell with the unread count in the header, opening the list; a tap reads one and opens what it is about. */
export function NotificationBell() {
  const { t } = useI18n();
  const { list, markRead, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const unread = list?.unread ?? 0;
  const closePanel = useCallback(() => setOpen(false), []);

  useEffect(() => {
    if (open) panel.current?.focus();
  }, [open]);
  useDismissOnEscapeOrOutside(open, closePanel, panel, button);

  const openOne = (n: AppNotification) => {
    if (!n.readAt) markRead.mutate(n.id);
    setOpen(false);
    navigate(notificationTarget(n));
  };

  const label = unread > 0 ? `${t.notifications.title} (${t.notifications.unread(unread)})` : t.notifications.title;
  return (
    <div className="notif">
      <button
        ref={button}
        type="button"
        className="button button-ghost notif-button"
        aria-expanded={open}
        aria-controls="notif-panel"
        onClick={() => setOpen((o) => !o)}
        data-testid="notifications-button"
        data-unread={unread}
        data-loaded={list ? 'true' : 'false'}
      >
        <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
          <path d="M6 16V11a6 6 0 1 1 12 0v5l2 2H4zM10 20a2 2 0 0 0 4 0" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {/* named by its content, not aria-label, so the name always holds the count it shows */}
        <span className="visually-hidden">{label}</span>
        {unread > 0 && (
          <span className="notif-count" data-testid="notifications-badge" aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      {open && (
        <div ref={panel} id="notif-panel" className="notif-panel" role="region" aria-label={t.notifications.title} tabIndex={-1} data-testid="notifications-panel">
          <div className="notif-head">
            <h2>{t.notifications.title}</h2>
            {unread > 0 && (
              <button type="button" className="button button-secondary notif-all" onClick={() => markAllRead.mutate()} disabled={markAllRead.isPending}>
                {t.notifications.markAllRead}
              </button>
            )}
          </div>
          {!list?.items.length ? (
            <p className="notif-empty">{t.notifications.empty}</p>
          ) : (
            <ul className="notif-list">
              {list.items.map((n) => (
                <li key={n.id}>
                  <button
                    type="button"
                    className={`notif-item${n.readAt ? '' : ' notif-unread'}`}
                    onClick={() => openOne(n)}
                    data-testid="notification-item"
                    data-kind={n.kind}
                    data-read={n.readAt ? 'true' : 'false'}
                  >
                    <span className="notif-text">{t.notifications.text[n.kind](n.params.title)}</span>
                    <span className="notif-meta">
                      {n.params.meetingTitle} · <NotificationTime notification={n} />
                    </span>
                    {!n.readAt && <span className="visually-hidden">{t.notifications.unreadMark}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
