import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router-dom';
import { can, type Minutes, type MinutesContent, type RecordFormat } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { LoadingState } from '../../../ui/LoadingState';
import { TextAreaField } from '../../../ui/TextAreaField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { attendanceApi } from '../../attendance/api/attendanceApi';
import { saveFile } from '../../../lib/download';
import { useMeetingDocuments } from '../../documents/hooks/useMeetingDocuments';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import { useMeetingLive } from '../../live/hooks/useMeetingLive';
import { recordsApi } from '../api/recordsApi';
import { SignaturePanel } from '../../signatures/components/SignaturePanel';
import { minutesKey, oneMinutesKey as oneKey } from '../lib/minutesCache';
import './records.css';

const FORMATS: RecordFormat[] = ['docx', 'pdf'];

function FileButtons({ onPick, disabled, testId }: { onPick: (f: RecordFormat) => void; disabled: boolean; testId: string }) {
  return (
    <div className="button-row">
      {FORMATS.map((f) => (
        <button key={f} type="button" className="button button-secondary" disabled={disabled} onClick={() => onPick(f)} data-testid={`${testId}-${f}`}>
          <Icon name="file" />
          {f.toUpperCase()}
        </button>
      ))}
    </div>
  );
}

/** The meeting-wide synthesis report and each draft's explanation report. */
function Reports({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const [anonymous, setAnonymous] = useState(false);
  const documents = useMeetingDocuments(meetingId);
  const synthesis = useMutation({ mutationFn: (f: RecordFormat) => recordsApi.synthesis(meetingId, f, anonymous), onSuccess: saveFile });
  const explanation = useMutation({ mutationFn: (a: { id: string; f: RecordFormat }) => recordsApi.explanation(a.id, a.f), onSuccess: saveFile });
  return (
    <section className="card records-reports" aria-labelledby="records-reports-heading" data-testid="records-reports">
      <h2 id="records-reports-heading">{t.records.reports}</h2>
      <p>{t.records.synthesis}</p>
      <label className="checkbox-row">
        <input type="checkbox" checked={anonymous} onChange={(e) => setAnonymous(e.target.checked)} data-testid="records-anonymous" />
        {t.records.anonymous}
      </label>
      <FileButtons onPick={(f) => synthesis.mutate(f)} disabled={synthesis.isPending} testId="records-synthesis" />
      {synthesis.isError && <ErrorMessage error={synthesis.error} />}
      {(documents.data ?? []).map((d) => (
        <div key={d.id} className="records-row">
          <p>
            {t.records.explanation}: <strong>{d.title}</strong>
          </p>
          <FileButtons onPick={(f) => explanation.mutate({ id: d.id, f })} disabled={explanation.isPending} testId={`records-explanation-${d.id}`} />
        </div>
      ))}
      {explanation.isError && <ErrorMessage error={explanation.error} />}
    </section>
  );
}

/** One minutes: the generated facts beside the summaries the secretariat writes; submit, approve or return. */
function MinutesEditor({ id, role }: { id: string; role: Parameters<typeof can>[0] }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const query = useQuery({ queryKey: oneKey(id), queryFn: () => recordsApi.get(id) });
  const [content, setContent] = useState<MinutesContent | null>(null);
  const [note, setNote] = useState('');
  const m = query.data;
  useEffect(() => {
    if (m) setContent(m.content);
  }, [m]);
  const done = (next: Minutes) => {
    qc.setQueryData(oneKey(id), next);
    void qc.invalidateQueries({ queryKey: minutesKey(next.meetingId) });
  };
  const save = useMutation({ mutationFn: (freeze: boolean) => recordsApi.save(id, { version: m!.version, content: content!, freeze }), onSuccess: done });
  const submit = useMutation({ mutationFn: () => recordsApi.submit(id), onSuccess: done });
  const approve = useMutation({ mutationFn: () => recordsApi.approve(id), onSuccess: done });
  const giveBack = useMutation({ mutationFn: () => recordsApi.giveBack(id, note), onSuccess: done });
  const file = useMutation({ mutationFn: (f: RecordFormat) => recordsApi.file(id, f), onSuccess: saveFile });
  // the final minutes' PDF is signed with the council's certificate: its signatures as a reader's check shows them
  const final = query.data?.status === 'final';
  const signatures = useQuery({ queryKey: [...oneKey(id), 'signatures', query.data?.version], queryFn: () => recordsApi.signatures(id), enabled: final });
  if (query.isPending || !content) return <LoadingState />;
  if (query.isError) return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  const editable = can(role, 'records.draft') && (m!.status === 'draft' || m!.status === 'returned');
  const setItem = (itemId: string, key: 'summary' | 'conclusion', value: string) =>
    setContent({ ...content, items: { ...content.items, [itemId]: { ...(content.items[itemId] ?? { summary: '', conclusion: '' }), [key]: value } } });
  const error = save.error ?? submit.error ?? approve.error ?? giveBack.error ?? file.error;
  return (
    <section className="card minutes-editor" aria-labelledby="minutes-heading" data-testid="minutes-editor" data-status={m!.status}>
      <h2 id="minutes-heading">
        {t.records.minutes}: {m!.title}
      </h2>
      <p>
        <span className="badge" data-testid="minutes-status">
          {t.records.status[m!.status]}
        </span>{' '}
        {t.records.version(m!.version)}
      </p>
      {m!.status === 'returned' && m!.returnNote && <p className="alert alert-warning">{t.records.returnedWith(m!.returnNote)}</p>}
      {m!.status === 'final' && <p className="alert alert-info">{t.records.locked}</p>}
      {m!.status === 'submitted' && <p className="alert alert-info">{t.records.waiting}</p>}
      <p className="records-note">{m!.frozen ? t.records.frozen : t.records.live}</p>
      {m!.facts.sittings.map((s) => (
        <p key={s.id}>
          <strong>{s.title}</strong>: {t.records.attendance(s.present, s.seats, s.absent.length)}
        </p>
      ))}
      <TextAreaField label={t.records.opening} value={content.opening} disabled={!editable} onChange={(e) => setContent({ ...content, opening: e.target.value })} rows={3} testId="minutes-opening" />
      <ol className="minutes-items">
        {m!.facts.items.map((it) => (
          <li key={it.agendaItemId} className="minutes-item" data-testid="minutes-item" data-item-id={it.agendaItemId}>
            <h3>{it.title}</h3>
            {it.presenter && (
              <p>
                {t.records.presenter}: {it.presenter}
              </p>
            )}
            <p>
              {t.records.speeches(it.speeches.length)} · {t.records.votes(it.votes.length)}
            </p>
            <TextAreaField label={t.records.summary} value={content.items[it.agendaItemId]?.summary ?? ''} disabled={!editable} onChange={(e) => setItem(it.agendaItemId, 'summary', e.target.value)} rows={4} testId="minutes-summary" />
            <TextAreaField label={t.records.conclusion} value={content.items[it.agendaItemId]?.conclusion ?? ''} disabled={!editable} onChange={(e) => setItem(it.agendaItemId, 'conclusion', e.target.value)} rows={3} testId="minutes-conclusion" />
          </li>
        ))}
      </ol>
      <TextAreaField label={t.records.closing} value={content.closing} disabled={!editable} onChange={(e) => setContent({ ...content, closing: e.target.value })} rows={2} testId="minutes-closing" />
      {error && <ErrorMessage error={error} />}
      {editable && (
        <div className="button-row">
          <button type="button" className="button button-primary" disabled={save.isPending} onClick={() => save.mutate(false)} data-testid="minutes-save">
            {save.isPending ? t.common.saving : t.records.save}
          </button>
          {!m!.frozen && (
            <button type="button" className="button button-secondary" disabled={save.isPending} onClick={() => save.mutate(true)} data-testid="minutes-freeze">
              {t.records.freeze}
            </button>
          )}
          <button type="button" className="button button-secondary" disabled={submit.isPending} onClick={() => submit.mutate()} data-testid="minutes-submit">
            {t.records.submit}
          </button>
        </div>
      )}
      {m!.status === 'submitted' && can(role, 'records.approve') && (
        <div className="minutes-approval">
          <button type="button" className="button button-primary" disabled={approve.isPending} onClick={() => approve.mutate()} data-testid="minutes-approve">
            {t.records.approve}
          </button>
          <TextAreaField label={t.records.returnNote} value={note} onChange={(e) => setNote(e.target.value)} rows={2} testId="minutes-return-note" />
          <button type="button" className="button button-secondary" disabled={giveBack.isPending || !note.trim()} onClick={() => giveBack.mutate()} data-testid="minutes-return">
            {t.records.giveBack}
          </button>
        </div>
      )}
      <FileButtons onPick={(f) => file.mutate(f)} disabled={file.isPending} testId="minutes-file" />
      {final && <SignaturePanel signatures={signatures.data} />}
    </section>
  );
}

/** Văn bản kỳ họp: the secretariat drafts reports and minutes, the chair approves, delegates read the final ones. */
export function RecordsPage() {
  const { meetingId = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const meeting = useMeeting(meetingId);
  useDocumentTitle(t.records.title);
  const role = meeting.data?.myRole ?? null;
  const staff = can(role, 'records.draft');
  // drafts, submissions, returns and approvals arrive live (the staff's); delegates hear of the final minutes
  useMeetingLive(meeting.data?.myRole ? meetingId : undefined);
  const list = useQuery({ queryKey: minutesKey(meetingId), queryFn: () => recordsApi.list(meetingId), enabled: Boolean(meeting.data) });
  const sittings = useQuery({ queryKey: ['meetings', meetingId, 'sittings'], queryFn: () => attendanceApi.sittings(meetingId), enabled: staff });
  const [openId, setOpenId] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: (sittingId: string | null) => recordsApi.create(meetingId, sittingId),
    onSuccess: (m) => {
      qc.setQueryData(oneKey(m.id), m);
      void qc.invalidateQueries({ queryKey: minutesKey(meetingId) });
      setOpenId(m.id);
    },
  });
  if (meeting.isPending) return <LoadingState />;
  if (meeting.isError) return <ErrorMessage error={meeting.error} onRetry={() => void meeting.refetch()} />;
  const existing = new Set((list.data ?? []).map((x) => x.sittingId ?? 'session'));
  return (
    <article className="records-page" data-testid="records-page">
      <Link to={`/meetings/${meetingId}`} className="breadcrumb">
        ← {meeting.data.title}
      </Link>
      <h1>{t.records.title}</h1>
      {staff && <Reports meetingId={meetingId} />}
      <section className="card" aria-labelledby="minutes-list-heading" data-testid="minutes-list">
        <h2 id="minutes-list-heading">{staff ? t.records.minutes : t.records.finalDocuments}</h2>
        {list.isPending && <LoadingState />}
        {list.data?.length === 0 && <p className="empty-state">{t.records.noMinutes}</p>}
        <ul className="records-list">
          {(list.data ?? []).map((x) => (
            <li key={x.id} className="records-row" data-testid="minutes-row" data-minutes-id={x.id}>
              <span>
                <strong>{x.title}</strong> — {t.records.status[x.status]}
              </span>
              <button type="button" className="button button-secondary" onClick={() => setOpenId(x.id)} data-testid="minutes-open">
                {t.records.open}
              </button>
            </li>
          ))}
        </ul>
        {staff && (
          <div className="button-row">
            {!existing.has('session') && (
              <button type="button" className="button button-primary" disabled={create.isPending} onClick={() => create.mutate(null)} data-testid="minutes-new-session">
                {t.records.newSession}
              </button>
            )}
            {(sittings.data ?? [])
              .filter((s) => !existing.has(s.sitting.id))
              .map((s) => (
                <button key={s.sitting.id} type="button" className="button button-secondary" disabled={create.isPending} onClick={() => create.mutate(s.sitting.id)} data-testid="minutes-new-sitting">
                  {t.records.newSitting(s.sitting.title)}
                </button>
              ))}
          </div>
        )}
        {create.isError && <ErrorMessage error={create.error} />}
      </section>
      {openId && <MinutesEditor key={openId} id={openId} role={role} />}
    </article>
  );
}
