import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Breakout, DocumentSummary, Participant, PrepareBreakoutRequest } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useAutoSplit, usePrepareBreakout, useStartBreakout } from '../hooks/useBreakoutMutations';
import { useConfirm } from '../../../ui/useConfirm';
import { splitByUnit } from '../lib/splitByUnit';

interface DraftGroup {
  key: string;
  name: string;
  leaderId: string | null;
  documentIds: string[];
}
interface Draft {
  groups: DraftGroup[];
  /** userId → group key */
  assign: Record<string, string>;
}

function fromBreakout(breakout: Breakout): Draft {
  const assign: Record<string, string> = {};
  for (const g of breakout.groups) for (const id of g.memberIds) assign[id] = g.id;
  return { groups: breakout.groups.map((g) => ({ key: g.id, name: g.name, leaderId: g.leaderId, documentIds: g.documentIds })), assign };
}

let nextKey = 0;
const newKey = () => `new-${++nextKey}`;

interface Props {
  meetingId: string;
  agendaItemId: string;
  breakout: Breakout | null;
  delegates: readonly Participant[];
  online: ReadonlySet<string> | null;
  documents: readonly DocumentSummary[];
}

/**
 * Make the groups of an agenda item: split automatically into N (balanced) or by hand, with a
 * leader and the documents in focus for each; edit, save, and start. Groups are kept as a draft
 * here until saved (or started), and follow the server while there is nothing unsaved.
 */
export function BreakoutEditor({ meetingId, agendaItemId, breakout, delegates, online, documents }: Props) {
  const { t } = useI18n();
  const ids = useId();
  const itemDocs = useMemo(() => documents.filter((d) => d.agendaItemId === agendaItemId), [documents, agendaItemId]);
  const emptyDraft = (): Draft => ({
    groups: [1, 2].map((n) => ({ key: newKey(), name: t.breakouts.defaultGroupName(n), leaderId: null, documentIds: itemDocs.map((d) => d.id) })),
    assign: {},
  });
  const [draft, setDraft] = useState<Draft>(() => (breakout ? fromBreakout(breakout) : emptyDraft()));
  const [dirty, setDirty] = useState(false);
  const [groupCount, setGroupCount] = useState(() => Math.max(2, breakout?.groups.length ?? 2));
  const [onlyOnline, setOnlyOnline] = useState(false);
  const [savedNote, setSavedNote] = useState(false);
  const prepare = usePrepareBreakout(meetingId);
  const auto = useAutoSplit(meetingId);
  const start = useStartBreakout(meetingId);
  const confirm = useConfirm();

  // a new breakout from the server replaces the draft unless the secretary has changed it (read from a ref: a change of dirty alone does not reset)
  const dirtyRef = useRef(dirty);
  dirtyRef.current = dirty;
  useEffect(() => {
    if (!dirtyRef.current && breakout) setDraft(fromBreakout(breakout));
  }, [breakout]);

  const edit = (change: (d: Draft) => Draft) => {
    setDraft(change);
    setDirty(true);
    setSavedNote(false);
  };
  const editGroup = (key: string, patch: Partial<DraftGroup>) => edit((d) => ({ ...d, groups: d.groups.map((g) => (g.key === key ? { ...g, ...patch } : g)) }));
  const membersOf = (key: string) => delegates.filter((p) => draft.assign[p.userId] === key);
  const unassigned = delegates.filter((p) => !draft.groups.some((g) => g.key === draft.assign[p.userId])).length;

  const toRequest = (): PrepareBreakoutRequest['groups'] =>
    draft.groups.map((g) => {
      const memberIds = delegates.filter((p) => draft.assign[p.userId] === g.key).map((p) => p.userId);
      return { name: g.name.trim() || t.breakouts.defaultGroupName(draft.groups.indexOf(g) + 1), leaderId: g.leaderId && memberIds.includes(g.leaderId) ? g.leaderId : null, memberIds, documentIds: g.documentIds };
    });
  const anyMember = draft.groups.some((g) => membersOf(g.key).length > 0);
  const busy = prepare.isPending || auto.isPending || start.isPending;
  const onlineDelegates = online ? delegates.filter((p) => online.has(p.userId)).map((p) => p.userId) : null;
  const afterSave = (saved: Breakout) => {
    setDraft(fromBreakout(saved));
    setDirty(false);
  };

  /** Splitting again replaces groups that exist (saved or drawn here): ask first. */
  const askReplace = (run: () => void) => {
    const hasGroups = (breakout && breakout.groups.length > 0) || Object.keys(draft.assign).length > 0;
    if (!hasGroups) return run();
    confirm.ask({ title: t.chairHall.title, message: t.breakouts.replaceConfirm, confirmLabel: t.chairHall.continue, onConfirm: run, testId: 'breakout-replace-dialog' });
  };
  const runAuto = () =>
    askReplace(() =>
      auto.mutate(
        { agendaItemId, groupCount, presentUserIds: onlyOnline && onlineDelegates ? onlineDelegates : undefined, documentIds: itemDocs.map((d) => d.id) },
        { onSuccess: afterSave },
      ),
    );
  const runByUnit = () =>
    askReplace(() => {
      const present = onlyOnline && onlineDelegates ? delegates.filter((p) => onlineDelegates.includes(p.userId)) : delegates;
      const groups = splitByUnit(present, t.chairHall.noUnit).map((g) => ({ ...g, key: newKey() }));
      const assign: Record<string, string> = {};
      for (const g of groups) for (const id of g.memberIds) assign[id] = g.key;
      edit(() => ({ groups: groups.map((g) => ({ key: g.key, name: g.name, leaderId: null, documentIds: itemDocs.map((d) => d.id) })), assign }));
    });

  return (
    <div className="breakout-editor" data-testid="breakout-editor">
      <fieldset className="breakout-auto">
        <legend>{t.breakouts.autoTitle}</legend>
        <p className="field-hint">{t.breakouts.autoHint}</p>
        <div className="breakout-auto-row">
          <div className="field">
            <label htmlFor={`${ids}-count`}>{t.breakouts.groupCount}</label>
            <input
              id={`${ids}-count`}
              type="number"
              inputMode="numeric"
              min={1}
              max={50}
              value={groupCount}
              onChange={(e) => setGroupCount(Math.max(1, Math.min(50, Number(e.target.value) || 1)))}
              data-testid="breakout-group-count"
            />
          </div>
          <button type="button" className="button button-secondary" disabled={busy} onClick={runAuto} data-testid="breakout-auto">
            {auto.isPending ? t.breakouts.splitting : t.breakouts.autoSplit}
          </button>
          <button type="button" className="button button-secondary" disabled={busy || delegates.length === 0} onClick={runByUnit} title={t.chairHall.byUnitHint} data-testid="breakout-by-unit">
            {t.chairHall.byUnit}
          </button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={onlyOnline} disabled={!onlineDelegates} onChange={(e) => setOnlyOnline(e.target.checked)} />
          {t.breakouts.onlyOnline}
          {onlineDelegates && <span className="muted"> ({t.breakouts.onlineDelegates(onlineDelegates.length)})</span>}
        </label>
        {auto.isError && <ErrorMessage error={auto.error} />}
      </fieldset>

      <h3>{t.breakouts.groupsTitle}</h3>
      <ul className="breakout-draft-groups">
        {draft.groups.map((g, i) => {
          const members = membersOf(g.key);
          return (
            <li key={g.key} className="breakout-draft-group" data-testid="breakout-draft-group">
              <div className="breakout-draft-head">
                <div className="field">
                  <label htmlFor={`${ids}-name-${g.key}`}>{t.breakouts.groupName}</label>
                  <input id={`${ids}-name-${g.key}`} value={g.name} maxLength={100} onChange={(e) => editGroup(g.key, { name: e.target.value })} data-testid="breakout-group-name" />
                </div>
                <span className="breakout-size" data-testid="breakout-group-size">
                  {t.breakouts.memberCount(members.length)}
                </span>
                {draft.groups.length > 1 && (
                  <button
                    type="button"
                    className="button button-ghost"
                    aria-label={t.breakouts.removeGroupOf(g.name || t.breakouts.defaultGroupName(i + 1))}
                    onClick={() =>
                      edit((d) => ({
                        groups: d.groups.filter((x) => x.key !== g.key),
                        assign: Object.fromEntries(Object.entries(d.assign).filter(([, key]) => key !== g.key)),
                      }))
                    }
                  >
                    ✕
                  </button>
                )}
              </div>
              <div className="field">
                <label htmlFor={`${ids}-leader-${g.key}`}>{t.breakouts.leader}</label>
                <select
                  id={`${ids}-leader-${g.key}`}
                  value={g.leaderId && members.some((m) => m.userId === g.leaderId) ? g.leaderId : ''}
                  onChange={(e) => editGroup(g.key, { leaderId: e.target.value || null })}
                  data-testid="breakout-group-leader"
                >
                  <option value="">{t.breakouts.noLeader}</option>
                  {members.map((m) => (
                    <option key={m.userId} value={m.userId}>
                      {m.fullName}
                    </option>
                  ))}
                </select>
              </div>
              <fieldset className="breakout-docs">
                <legend>{t.breakouts.documents}</legend>
                {documents.length === 0 && <p className="muted">{t.breakouts.noDocuments}</p>}
                {(itemDocs.length > 0 ? itemDocs : documents).map((d) => (
                  <label key={d.id} className="checkbox">
                    <input
                      type="checkbox"
                      checked={g.documentIds.includes(d.id)}
                      onChange={(e) => editGroup(g.key, { documentIds: e.target.checked ? [...g.documentIds, d.id] : g.documentIds.filter((x) => x !== d.id) })}
                    />
                    {d.title}
                  </label>
                ))}
              </fieldset>
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => edit((d) => ({ ...d, groups: [...d.groups, { key: newKey(), name: t.breakouts.defaultGroupName(d.groups.length + 1), leaderId: null, documentIds: itemDocs.map((x) => x.id) }] }))}
        data-testid="breakout-add-group"
      >
        + {t.breakouts.addGroup}
      </button>

      <h3>{t.breakouts.assignTitle}</h3>
      <p className="field-hint">
        {t.breakouts.assignHint} {unassigned > 0 && <strong>{t.breakouts.unassignedCount(unassigned)}</strong>}
      </p>
      <ul className="breakout-assign">
        {delegates.map((p) => (
          <li key={p.userId} className="breakout-assign-row" data-testid="breakout-assign" data-user-id={p.userId} data-username={p.username}>
            <span className={`breakout-person${online?.has(p.userId) ? ' is-online' : ''}`}>
              <span className="presence-dot" aria-hidden="true" />
              {p.fullName}
              {p.unit && <span className="muted"> · {p.unit}</span>}
            </span>
            <select
              aria-label={t.breakouts.assignOf(p.fullName)}
              value={draft.groups.some((g) => g.key === draft.assign[p.userId]) ? draft.assign[p.userId] : ''}
              onChange={(e) =>
                edit((d) => {
                  const assign = { ...d.assign };
                  if (e.target.value) assign[p.userId] = e.target.value;
                  else delete assign[p.userId];
                  return { ...d, assign };
                })
              }
              data-testid="breakout-assign-select"
            >
              <option value="">{t.breakouts.unassigned}</option>
              {draft.groups.map((g, i) => (
                <option key={g.key} value={g.key}>
                  {g.name || t.breakouts.defaultGroupName(i + 1)}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>

      <div className="breakout-editor-actions">
        {dirty && <p className="alert alert-warning">{t.breakouts.unsaved}</p>}
        {savedNote && !dirty && (
          <p className="alert alert-success" role="status">
            {t.breakouts.groupsSaved}
          </p>
        )}
        {!anyMember && <p className="muted">{t.breakouts.needMembers}</p>}
        <div className="button-row">
          <button
            type="button"
            className="button button-secondary"
            disabled={busy || !dirty}
            onClick={() =>
              prepare.mutate(
                { agendaItemId, groups: toRequest() },
                {
                  onSuccess: (saved) => {
                    afterSave(saved);
                    setSavedNote(true);
                  },
                },
              )
            }
            data-testid="breakout-save"
          >
            {t.breakouts.saveGroups}
          </button>
          <button
            type="button"
            className="button button-primary button-big"
            disabled={busy || !anyMember}
            onClick={() =>
              confirm.ask({
                title: t.chairHall.title,
                message: t.breakouts.startConfirm,
                confirmLabel: t.chairHall.startBreakout,
                testId: 'breakout-start-dialog',
                onConfirm: () => start.mutate({ agendaItemId, groups: dirty || !breakout ? toRequest() : null }, { onSuccess: () => setDirty(false) }),
              })
            }
            data-testid="breakout-start"
          >
            ▶ {start.isPending ? t.breakouts.starting : t.breakouts.start}
          </button>
        </div>
        {prepare.isError && <ErrorMessage error={prepare.error} />}
        {start.isError && <ErrorMessage error={start.error} />}
      </div>
      {confirm.dialog}
    </div>
  );
}
