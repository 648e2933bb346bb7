import { useState } from 'react';
import { can, type MeetingDetail, type RequestFloorRequest, type SpeakersList, type Speech } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { newClientId } from '../../../lib/clientId';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { useParagraphs } from '../../reading-room/hooks/useParagraphs';
import { useSpeakerActions } from '../hooks/useSpeakerActions';
import { useSpeakersList } from '../hooks/useSpeakersList';
import { Countdown } from './Countdown';
import './speakers.css';

type Kind = RequestFloorRequest['type'];

function ParagraphPicker({ meetingId, agendaItemId, value, onChange }: { meetingId: string; agendaItemId: string; value: { documentId: string; paragraphId: string } | null; onChange: (v: { documentId: string; paragraphId: string } | null) => void }) {
  const { t } = useI18n();
  const documents = useMeetingDocuments(meetingId);
  const docs = (documents.data ?? []).filter((d) => d.agendaItemId === agendaItemId && d.currentVersion.status === 'ready');
  const [documentId, setDocumentId] = useState(value?.documentId ?? '');
  const doc = docs.find((d) => d.id === documentId);
  const paragraphs = useParagraphs(documentId, doc?.currentVersion.id ?? '', Boolean(doc));
  if (docs.length === 0) return null;
  return (
    <div className="floor-paragraph">
      <SelectField
        label={`${t.speakers.paragraph} ${t.common.optional}`}
        value={documentId}
        onChange={(e) => {
          setDocumentId(e.target.value);
          onChange(null);
        }}
        testId="floor-document"
      >
        <option value="">{t.speakers.noParagraph}</option>
        {docs.map((d) => (
          <option key={d.id} value={d.id}>
            {d.title}
          </option>
        ))}
      </SelectField>
      {doc && paragraphs.data && (
        <SelectField
          label={t.speakers.paragraph}
          value={value?.paragraphId ?? ''}
          onChange={(e) => onChange(e.target.value ? { documentId, paragraphId: e.target.value } : null)}
          testId="floor-paragraph"
        >
          <option value="">{t.speakers.noParagraph}</option>
          {paragraphs.data.map((p) => (
            <option key={p.id} value={p.id}>
              {`${p.index + 1}. ${p.text.slice(0, 60)}`}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}

function CurrentSpeaker({ list, userId }: { list: SpeakersList; userId: string }) {
  const { t } = useI18n();
  const current = list.current;
  if (!current) return <p className="muted">{t.speakers.nobodySpeaking}</p>;
  const mine = current.userId === userId;
  return (
    <div className={`floor-current${mine ? ' is-mine' : ''}`} data-testid="floor-current" data-speech-id={current.id}>
      <p className="floor-current-label">{mine ? t.speakers.youSpeak : t.speakers.nowSpeaking}</p>
      {!mine && (
        <p className="floor-current-name">
          <strong>{current.name}</strong> · {t.speakers.types[current.type]}
        </p>
      )}
      <Countdown speech={current} size={mine ? 'huge' : 'large'} />
    </div>
  );
}

/** On the delegate's phone: the floor of the item under discussion, asking for it, and one's own countdown. */
export function FloorRequestPanel({ meeting, userId }: { meeting: MeetingDetail; userId: string }) {
  const { t } = useI18n();
  const itemId = meeting.currentAgendaItemId;
  const list = useSpeakersList(meeting.id, itemId);
  const actions = useSpeakerActions(meeting.id, itemId ?? '');
  const [replying, setReplying] = useState(false);
  const [replyTo, setReplyTo] = useState('');
  const [anchor, setAnchor] = useState<{ documentId: string; paragraphId: string } | null>(null);
  if (!itemId || meeting.status === 'closed' || !can(meeting.myRole, 'speakers.read')) return null;
  const item = meeting.agenda.find((a) => a.id === itemId);
  const l = list.data;
  const mine: Speech | undefined = l?.waiting.find((s) => s.userId === userId);
  const position = l && mine ? l.waiting.indexOf(mine) + 1 : 0;
  const mayAsk = can(meeting.myRole, 'speakers.request');
  const spoken = (l?.done ?? []).filter((s, i, all) => s.userId !== userId && all.findIndex((x) => x.userId === s.userId) === i);

  const ask = (type: Kind, replyToSpeechId: string | null = null) =>
    actions.mutate(
      { kind: 'request', body: { clientId: newClientId(), type, replyToSpeechId, anchor, questionIssueId: type === 'question' || type === 'followup' ? (l?.openIssue?.id ?? null) : null } },
      { onSuccess: () => (setReplying(false), setReplyTo(''), setAnchor(null)) },
    );

  return (
    <section className="section floor-panel card" aria-labelledby="floor-heading" data-testid="floor-panel">
      <h2 id="floor-heading">{t.speakers.title}</h2>
      {item && <p className="muted">{t.speakers.forItem(meeting.agenda.indexOf(item) + 1, item.title)}</p>}
      {l?.openIssue && (
        <p className="floor-issue" data-testid="floor-open-issue">
          <strong>{t.speakers.openIssue}:</strong> {l.openIssue.title}
          {l.openIssue.officialName ? ` · ${t.speakers.answering(l.openIssue.officialName)}` : ''}
        </p>
      )}
      {list.isError && <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />}
      {l && <CurrentSpeaker list={l} userId={userId} />}
      {actions.isError && <ErrorMessage error={actions.error} />}
      {l && mine && (
        <div className="floor-mine" data-testid="floor-waiting">
          <p className="floor-waiting-text">
            {t.speakers.waitingAt(position)} · {t.speakers.types[mine.type]}
          </p>
          <button type="button" className="button button-secondary button-block" disabled={actions.isPending} onClick={() => actions.mutate({ kind: 'withdraw', speechId: mine.id })} data-testid="floor-withdraw">
            {t.speakers.withdraw}
          </button>
        </div>
      )}
      {l && !mine && mayAsk && l.current?.userId !== userId && (
        <div className="floor-actions">
          <ParagraphPicker meetingId={meeting.id} agendaItemId={itemId} value={anchor} onChange={setAnchor} />
          {l.closed ? (
            <p className="alert alert-info" data-testid="floor-closed">
              {t.speakers.listClosed}
            </p>
          ) : l.openIssue ? (
            <>
              <button type="button" className="button button-primary button-block" disabled={actions.isPending} onClick={() => ask('question')} data-testid="floor-ask-question">
                {t.speakers.askQuestion}
              </button>
              <button type="button" className="button button-secondary button-block" disabled={actions.isPending} onClick={() => ask('followup')} data-testid="floor-ask-followup">
                {t.speakers.types.followup}
              </button>
            </>
          ) : (
            <button type="button" className="button button-primary button-block" disabled={actions.isPending} onClick={() => ask('contribution')} data-testid="floor-ask">
              {t.speakers.ask}
            </button>
          )}
          {spoken.length > 0 && !replying && !l.closed && (
            <button type="button" className="button button-secondary button-block" onClick={() => setReplying(true)} data-testid="floor-reply">
              {t.speakers.askReply}
            </button>
          )}
          {replying && (
            <div className="floor-reply">
              <SelectField label={t.speakers.replyTo} value={replyTo} onChange={(e) => setReplyTo(e.target.value)} testId="floor-reply-to">
                <option value="">{t.speakers.chooseSpeaker}</option>
                {spoken.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </SelectField>
              <button type="button" className="button button-primary button-block" disabled={!replyTo || actions.isPending} onClick={() => ask('reply', replyTo)} data-testid="floor-reply-send">
                {t.speakers.askReply}
              </button>
            </div>
          )}
          <button type="button" className="button button-danger button-block" disabled={actions.isPending} onClick={() => ask('procedural')} data-testid="floor-procedural">
            {t.speakers.askProcedural}
          </button>
        </div>
      )}
    </section>
  );
}
