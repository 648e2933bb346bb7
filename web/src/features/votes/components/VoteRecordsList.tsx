import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { VoteForMe } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ExportLinks } from '../../../ui/ExportLinks';
import { votesApi } from '../api/votesApi';
import { useVotes } from '../hooks/useVotes';
import { voteKeys } from '../lib/voteKeys';
import { VoteResultView } from './VoteResultView';
import './votes.css';

function Records({ vote }: { vote: VoteForMe }) {
  const { t } = useI18n();
  const records = useQuery({ queryKey: voteKeys.records(vote.meetingId, vote.id), queryFn: () => votesApi.records(vote.id) });
  if (records.isError) return <ErrorMessage error={records.error} />;
  if (!records.data) return null;
  if (vote.kind === 'secret') return <p className="muted">{t.sessionDay.votersOnly(records.data.voters.length)}</p>;
  return (
    <ol className="vote-records" data-testid="vote-records">
      {records.data.ballots.map((b) => (
        <li key={b.userId}>
          {b.fullName}
          {b.unit ? ` (${b.unit})` : ''}: <strong>{t.sessionDay.choices[b.choice]}</strong>
        </li>
      ))}
    </ol>
  );
}

/** Secretariat: every closed vote with its result and its record (who chose what, for named votes only), and the export. */
export function VoteRecordsList({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const votes = useVotes(meetingId);
  const [open, setOpen] = useState<string | null>(null);
  const closed = (votes.data ?? []).filter((v) => v.status === 'closed');
  return (
    <section className="card console-section" aria-labelledby="vote-records-heading" data-testid="vote-records-list">
      <h2 id="vote-records-heading">{d.records}</h2>
      {votes.isError && <ErrorMessage error={votes.error} onRetry={() => void votes.refetch()} />}
      {votes.isSuccess && closed.length === 0 && <p className="muted">{d.noVotes}</p>}
      <ul className="vote-panel-list">
        {closed.map((v) => (
          <li key={v.id} className="vote-panel-item">
            <h3>{v.question}</h3>
            <p className="vote-panel-meta">
              {d.kinds[v.kind]}
              {v.supersededBy ? ` · ${d.repeated}` : ''}
            </p>
            <VoteResultView vote={v} />
            {v.kind !== 'show_of_hands' && (
              <button type="button" className="button button-secondary" aria-expanded={open === v.id} onClick={() => setOpen(open === v.id ? null : v.id)}>
                {d.records}
              </button>
            )}
            {open === v.id && <Records vote={v} />}
          </li>
        ))}
      </ul>
      <ExportLinks url={(f) => votesApi.exportUrl(meetingId, f)} label={d.exportResults} />
    </section>
  );
}
