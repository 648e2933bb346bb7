import { useState } from 'react';
import { createVoteRequest, PASS_RULES, updateVoteRequest, VOTE_KINDS, type AgendaItem, type DocumentSummary, type PassRule, type VoteForMe, type VoteKind } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { votesApi } from '../api/votesApi';
import { useVoteAction, useVotes } from '../hooks/useVotes';
import { formatSeconds, useCountdown } from '../hooks/useCountdown';
import { VoteResultView } from './VoteResultView';
import './votes.css';

function Countdown({ closesAt }: { closesAt: string | null }) {
  const { t } = useI18n();
  const left = useCountdown(closesAt);
  return left === null ? null : <span data-testid="console-countdown">{t.sessionDay.timeLeft(formatSeconds(left))}</span>;
}

function ManualEntry({ vote, meetingId }: { vote: VoteForMe; meetingId: string }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const [counts, setCounts] = useState({ yes: '', no: '', abstain: '' });
  const save = useVoteAction(meetingId, () => votesApi.manual(vote.id, { yes: Number(counts.yes || 0), no: Number(counts.no || 0), abstain: Number(counts.abstain || 0) }));
  return (
    <form
      className="vote-form"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(undefined);
      }}
    >
      <div className="vote-manual">
        {(['yes', 'no', 'abstain'] as const).map((c) => (
          <TextField key={c} label={d.choices[c]} inputMode="numeric" value={counts[c]} onChange={(e) => setCounts({ ...counts, [c]: e.target.value.replace(/\D/g, '') })} testId={`manual-${c}`} />
        ))}
      </div>
      <button type="submit" className="button button-primary" data-testid="manual-save">
        {d.enterManual}
      </button>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

/** A draft's question, kind, rule and countdown, changed before it opens. */
function DraftEditor({ vote, meetingId, onDone }: { vote: VoteForMe; meetingId: string; onDone: () => void }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const [values, setValues] = useState({ question: vote.question, kind: vote.kind, passRule: vote.passRule, duration: vote.durationSeconds === null ? '' : String(vote.durationSeconds) });
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useVoteAction(meetingId, (body: Parameters<typeof votesApi.update>[1]) => votesApi.update(vote.id, body));
  return (
    <form
      className="vote-form vote-draft-editor"
      noValidate
      data-testid="vote-draft-editor"
      onSubmit={(e) => {
        e.preventDefault();
        const parsed = updateVoteRequest.safeParse({ question: values.question, kind: values.kind, passRule: values.passRule, durationSeconds: values.duration ? Number(values.duration) : null });
        if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
        setErrors({});
        save.mutate(parsed.data, { onSuccess: onDone });
      }}
    >
      <TextField label={d.question} value={values.question} onChange={(e) => setValues({ ...values, question: e.target.value })} error={errors.question} maxLength={1000} testId="vote-edit-question" />
      <SelectField label={d.kind} value={values.kind} onChange={(e) => setValues({ ...values, kind: e.target.value as VoteKind })} testId="vote-edit-kind">
        {VOTE_KINDS.map((k) => (
          <option key={k} value={k}>
            {d.kinds[k]}
          </option>
        ))}
      </SelectField>
      <SelectField label={d.passRule} value={values.passRule} onChange={(e) => setValues({ ...values, passRule: e.target.value as PassRule })} testId="vote-edit-rule">
        {PASS_RULES.map((r) => (
          <option key={r} value={r}>
            {d.passRules[r]}
          </option>
        ))}
      </SelectField>
      <TextField label={d.duration} inputMode="numeric" value={values.duration} onChange={(e) => setValues({ ...values, duration: e.target.value.replace(/\D/g, '') })} error={errors.durationSeconds} testId="vote-edit-duration" />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="vote-edit-save">
          {save.isPending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t.common.cancel}
        </button>
      </div>
      {save.isError && <ErrorMessage error={save.error} />}
    </form>
  );
}

function VoteItem({ vote, meetingId }: { vote: VoteForMe; meetingId: string }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const remove = useVoteAction(meetingId, () => votesApi.remove(vote.id));
  const open = useVoteAction(meetingId, () => votesApi.open(vote.id));
  const close = useVoteAction(meetingId, () => votesApi.close(vote.id));
  const repeat = useVoteAction(meetingId, () => votesApi.repeat(vote.id));
  const hall = useVoteAction(meetingId, (show: boolean) => votesApi.showOnHall(vote.id, show));
  const publish = useVoteAction(meetingId, () => votesApi.publishRecords(vote.id));
  const error = open.error ?? close.error ?? repeat.error ?? hall.error ?? publish.error ?? remove.error;
  if (editing && vote.status === 'draft') {
    return (
      <li className="vote-panel-item is-draft" data-testid="console-vote" data-vote-id={vote.id} data-status={vote.status}>
        <DraftEditor vote={vote} meetingId={meetingId} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={`vote-panel-item is-${vote.status}`} data-testid="console-vote" data-vote-id={vote.id} data-status={vote.status}>
      <h3>
        {vote.sectionLabel ? `${vote.sectionLabel} · ` : ''}
        {vote.question}
      </h3>
      <p className="vote-panel-meta">
        {d.status[vote.status]} · {d.kinds[vote.kind]} · {d.passRules[vote.passRule]}
        {vote.repeatOf ? ` · ${d.repeatOf}` : ''}
        {vote.supersededBy ? ` · ${d.repeated}` : ''}
        {vote.onHallScreen ? ` · ${d.onHall}` : ''}
      </p>
      {vote.status === 'open' && (
        <p className="vote-live-count" data-testid="console-ballots" data-count={vote.ballotsCast} aria-live="polite">
          {d.ballotsCast(vote.ballotsCast, vote.seats ?? 0)} <Countdown closesAt={vote.closesAt} />
        </p>
      )}
      {vote.status === 'closed' && <VoteResultView vote={vote} />}
      {vote.status !== 'closed' && vote.kind === 'show_of_hands' && <ManualEntry vote={vote} meetingId={meetingId} />}
      <div className="button-row">
        {vote.status === 'draft' && vote.kind !== 'show_of_hands' && (
          <button type="button" className="button button-primary" onClick={() => open.mutate(undefined)} data-testid="vote-open">
            {d.openVote}
          </button>
        )}
        {vote.status === 'draft' && !confirmDelete && (
          <>
            <button type="button" className="button button-secondary" onClick={() => setEditing(true)} data-testid="vote-edit">
              {t.common.edit}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirmDelete(true)} data-testid="vote-delete">
              {t.floor.deleteDraft}
            </button>
          </>
        )}
        {vote.status === 'draft' && confirmDelete && (
          <>
            <button type="button" className="button button-danger" onClick={() => remove.mutate(undefined)} disabled={remove.isPending} data-testid="vote-delete-confirm">
              {t.floor.confirmDelete}
            </button>
            <button type="button" className="button button-ghost" onClick={() => setConfirmDelete(false)}>
              {t.common.cancel}
            </button>
          </>
        )}
        {vote.status === 'open' && (
          <button type="button" className="button button-primary" onClick={() => close.mutate(undefined)} data-testid="vote-close">
            {d.closeVote}
          </button>
        )}
        {vote.status === 'closed' && (
          <button type="button" className="button button-primary" onClick={() => hall.mutate(!vote.onHallScreen)} data-testid="vote-show-hall" aria-pressed={vote.onHallScreen}>
            {vote.onHallScreen ? d.hideFromHall : d.showOnHall}
          </button>
        )}
        {vote.status === 'closed' && !vote.supersededBy && (
          <button type="button" className="button button-secondary" onClick={() => repeat.mutate(undefined)} data-testid="vote-repeat">
            {d.repeatVote}
          </button>
        )}
        {vote.status === 'closed' && vote.kind === 'named' && !vote.recordsPublished && (
          <button type="button" className="button button-secondary" onClick={() => publish.mutate(undefined)}>
            {d.publishRecords}
          </button>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
    </li>
  );
}

interface Draft {
  question: string;
  kind: VoteKind;
  passRule: PassRule | '';
  duration: string;
  documentId: string;
}

/** Chair console: set a vote up (from the current item's documents, one per Điều), open and close it, the live count, the result. */
export function VotePanel({ meetingId, currentItem, documents }: { meetingId: string; currentItem: AgendaItem | null; documents: readonly DocumentSummary[] }) {
  const { t } = useI18n();
  const d = t.sessionDay;
  const votes = useVotes(meetingId);
  const itemDocs = documents.filter((doc) => !currentItem || doc.agendaItemId === currentItem.id);
  const [draft, setDraft] = useState<Draft>({ question: '', kind: 'named', passRule: '', duration: '', documentId: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const create = useVoteAction(meetingId, (body: Parameters<typeof votesApi.create>[1]) => votesApi.create(meetingId, body));
  const sections = useVoteAction(meetingId, () =>
    votesApi.prepareSections(meetingId, { documentId: draft.documentId, agendaItemId: currentItem?.id ?? null, kind: draft.kind, ...(draft.passRule ? { passRule: draft.passRule } : {}), durationSeconds: draft.duration ? Number(draft.duration) : null }),
  );
  const list = [...(votes.data ?? [])].sort((a, b) => (a.status === 'open' ? -1 : b.status === 'open' ? 1 : b.position - a.position));

  return (
    <section className="card console-section" aria-labelledby="vote-panel-heading" data-testid="vote-panel">
      <h2 id="vote-panel-heading">{d.votesTitle}</h2>
      <form
        className="vote-form"
        onSubmit={(e) => {
          e.preventDefault();
          const parsed = createVoteRequest.safeParse({
            question: draft.question,
            kind: draft.kind,
            ...(draft.passRule ? { passRule: draft.passRule } : {}),
            agendaItemId: currentItem?.id ?? null,
            documentId: draft.documentId || null,
            durationSeconds: draft.duration ? Number(draft.duration) : null,
          });
          if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
          setErrors({});
          create.mutate(parsed.data, { onSuccess: () => setDraft({ ...draft, question: '' }) });
        }}
      >
        <TextField label={d.question} value={draft.question} onChange={(e) => setDraft({ ...draft, question: e.target.value })} error={errors.question} maxLength={1000} testId="vote-question" />
        <SelectField label={d.kind} value={draft.kind} onChange={(e) => setDraft({ ...draft, kind: e.target.value as VoteKind })} testId="vote-kind">
          {VOTE_KINDS.map((k) => (
            <option key={k} value={k}>
              {d.kinds[k]}
            </option>
          ))}
        </SelectField>
        <SelectField label={d.passRule} value={draft.passRule} onChange={(e) => setDraft({ ...draft, passRule: e.target.value as PassRule | '' })} testId="vote-rule">
          <option value="">{d.councilDefault}</option>
          {PASS_RULES.map((r) => (
            <option key={r} value={r}>
              {d.passRules[r]}
            </option>
          ))}
        </SelectField>
        <TextField label={d.duration} inputMode="numeric" value={draft.duration} onChange={(e) => setDraft({ ...draft, duration: e.target.value.replace(/\D/g, '') })} error={errors.durationSeconds} testId="vote-duration" />
        {itemDocs.length > 0 && (
          <SelectField label={d.document} value={draft.documentId} onChange={(e) => setDraft({ ...draft, documentId: e.target.value })} testId="vote-document">
            <option value="">—</option>
            {itemDocs.map((doc) => (
              <option key={doc.id} value={doc.id}>
                {doc.title}
              </option>
            ))}
          </SelectField>
        )}
        <div className="button-row">
          <button type="submit" className="button button-primary" data-testid="vote-create">
            {d.createVote}
          </button>
          {draft.documentId && (
            <button type="button" className="button button-secondary" onClick={() => sections.mutate(undefined)} data-testid="vote-sections">
              {d.prepareSections}
            </button>
          )}
        </div>
        {create.isError && <ErrorMessage error={create.error} />}
        {sections.isError && <ErrorMessage error={sections.error} />}
      </form>
      {votes.isPending && <LoadingState />}
      {votes.isError && <ErrorMessage error={votes.error} onRetry={() => void votes.refetch()} />}
      {votes.isSuccess && list.length === 0 && <p className="muted">{d.noVotes}</p>}
      <ul className="vote-panel-list">
        {list.map((v) => (
          <VoteItem key={v.id} vote={v} meetingId={meetingId} />
        ))}
      </ul>
    </section>
  );
}
