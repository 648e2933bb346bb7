import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { currentSitting, useSittings } from '../../attendance/hooks/useSittings';
import { useVotes } from '../hooks/useVotes';
import { VoteScreen } from './VoteScreen';
import './votes.css';

/**
 * On the meeting page: the open vote takes the whole screen; once it closes its result stays until
 * the delegate closes it. Votes are read live (the socket's events update the same cache).
 */
export function MeetingVotes({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const votes = useVotes(meetingId);
  const sittings = useSittings(meetingId);
  const [seenOpen, setSeenOpen] = useState<string[]>([]);
  const [dismissed, setDismissed] = useState<string[]>([]);
  const open = votes.data?.find((v) => v.status === 'open');
  useEffect(() => {
    if (open && !seenOpen.includes(open.id)) setSeenOpen((s) => [...s, open.id]);
  }, [open, seenOpen]);
  const shown = open ?? votes.data?.find((v) => v.status === 'closed' && seenOpen.includes(v.id) && !dismissed.includes(v.id));
  if (!shown) return null;
  const sitting = currentSitting(sittings.data);
  const mine = sitting?.sitting.id === shown.sittingId ? sitting.mine : null;
  const blocked = sittings.isPending ? null : !mine?.votingRight ? t.sessionDay.noRightHint : mine.status === 'hall' || mine.status === 'online' ? null : t.sessionDay.notPresentHint;
  return <VoteScreen key={shown.id} vote={shown} blocked={blocked} onDismiss={() => setDismissed((d) => [...d, shown.id])} />;
}
