import { useI18n } from '../../../i18n/useI18n';
import { useOnline } from '../../offline/hooks/useOnline';
import type { MeetingLiveState } from '../lib/liveClient';
import './live.css';

export type LiveIndicator = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

export function liveIndicator(state: MeetingLiveState): LiveIndicator {
  if (state.joinError) return 'unavailable';
  if (state.live) return 'live';
  return state.connection === 'reconnecting' ? 'reconnecting' : 'connecting';
}

/** A small pill saying whether the page is live; after a lost connection it says so plainly until it is back. */
export function LiveStatus({ state, compact = false }: { state: MeetingLiveState; compact?: boolean }) {
  const { t } = useI18n();
  const online = useOnline();
  if (state.removed) return null;
  const indicator = liveIndicator(state);
  // without a connection the one offline banner says it all: here only the small pill, no second yellow box
  if (!online && (indicator === 'reconnecting' || indicator === 'connecting')) {
    return (
      <div className="live-status live-status-connecting" role="status" data-testid="live-status" data-state={indicator}>
        <span className="live-dot" aria-hidden="true" />
        <span className="live-status-label">{indicator === 'reconnecting' ? t.live.reconnecting : t.live.connecting}</span>
      </div>
    );
  }
  const label = { connecting: t.live.connecting, live: t.live.live, reconnecting: t.live.reconnecting, unavailable: t.live.unavailable }[indicator];
  const hint = indicator === 'reconnecting' ? t.live.reconnectingHint : indicator === 'live' ? t.live.liveHint : null;
  return (
    <div className={`live-status live-status-${indicator}`} role="status" data-testid="live-status" data-state={indicator}>
      <span className="live-dot" aria-hidden="true" />
      <span className="live-status-label">{label}</span>
      {hint && !compact && <span className={indicator === 'live' ? 'visually-hidden' : 'live-status-hint'}>{hint}</span>}
    </div>
  );
}
