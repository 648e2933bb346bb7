import { useEffect, useState, useSyncExternalStore } from 'react';
import type { SavedMeeting } from '../lib/offlineDb';
import { saveStates, type SaveState } from '../lib/offlineCopy';
import { offlineStore } from '../lib/offlineStore';

/** A meeting's offline copy on this device (null: not saved) and the download under way, if any. */
export function useSavedMeeting(meetingId: string): { saved: SavedMeeting | null; loaded: boolean; state: SaveState } {
  const state = useSyncExternalStore(saveStates.subscribe, () => saveStates.get(meetingId));
  const version = useSyncExternalStore(saveStates.subscribe, saveStates.version);
  const [saved, setSaved] = useState<{ meetingId: string; value: SavedMeeting | null } | null>(null);
  useEffect(() => {
    let cancelled = false;
    offlineStore
      .savedMeeting(meetingId)
      .catch(() => undefined)
      .then((value) => {
        if (!cancelled) setSaved({ meetingId, value: value ?? null });
      });
    return () => {
      cancelled = true;
    };
  }, [meetingId, version]);
  const current = saved?.meetingId === meetingId ? saved : null;
  return { saved: current?.value ?? null, loaded: current !== null, state };
}
