import { useId, useRef, useState, type FormEvent } from 'react';
import type { DisplayLink } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { QrCode } from '../../hall/components/QrCode';
import { useCreateDisplayLink, useDisplayLinks, useRevokeDisplayLink } from '../hooks/useDisplayLinks';
import { useConfirm } from '../../../ui/useConfirm';
import { TvCodeCard } from '../../tv-setup/components/TvCodeCard';

/** The link just created, with its token: shown until the page is left, never again. */
function NewLink({ url, onDismiss }: { url: string; onDismiss: () => void }) {
  const { t } = useI18n();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // no clipboard permission (plain http, old browser): select the text for a manual copy
      input.current?.select();
    }
  };
  return (
    <div className="alert alert-success new-link" data-testid="new-display-link">
      <p>{t.console.newLinkTitle}</p>
      <label htmlFor={inputId} className="visually-hidden">
        {t.console.newLinkUrl}
      </label>
      <input id={inputId} ref={input} className="input new-link-url" readOnly value={url} onFocus={(e) => e.target.select()} data-testid="new-display-link-url" />
      <div className="new-link-qr">
        <QrCode text={url} label={t.console.qrLabel} testId="display-link-qr" />
        <p className="field-hint">{t.console.qrHint}</p>
      </div>
      <div className="button-row">
        <button type="button" className="button button-primary" onClick={() => void copy()} data-testid="copy-display-link">
          {copied ? `✓ ${t.console.copied}` : t.console.copy}
        </button>
        <a className="button button-secondary" href={url} target="_blank" rel="noopener noreferrer">
          {t.console.openLink} ↗
        </a>
        <button type="button" className="button button-ghost" onClick={onDismiss}>
          {t.common.close}
        </button>
      </div>
    </div>
  );
}

function LinkRow({ link, meetingId }: { link: DisplayLink; meetingId: string }) {
  const { t } = useI18n();
  const when = useDateTime();
  const revoke = useRevokeDisplayLink(meetingId);
  const confirm = useConfirm();
  const revoked = link.revokedAt !== null;
  return (
    <li className={`display-link${revoked ? ' is-revoked' : ''}`} data-testid="display-link" data-link-id={link.id} data-revoked={revoked ? 'true' : 'false'}>
      <span className="display-link-text">
        <strong>{link.label}</strong>
        <span className="muted">
          {' '}
          · {t.console.createdAt(when(link.createdAt))} · {revoked ? t.console.revoked : t.console.active}
        </span>
      </span>
      {!revoked && (
        <button
          type="button"
          className="button button-danger"
          disabled={revoke.isPending}
          aria-label={t.console.revokeOf(link.label)}
          onClick={() =>
            confirm.ask({ title: t.chairHall.title, message: t.console.revokeConfirm(link.label), confirmLabel: t.chairHall.revoke, testId: 'revoke-dialog', onConfirm: () => revoke.mutate(link.id) })
          }
          data-testid="revoke-display-link"
        >
          {t.console.revoke}
        </button>
      )}
      {revoke.isError && <ErrorMessage error={revoke.error} />}
      {confirm.dialog}
    </li>
  );
}

/** Create, copy and revoke the read-only links the hall screen opens. */
export function DisplayLinksPanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const links = useDisplayLinks(meetingId);
  const create = useCreateDisplayLink(meetingId);
  const labelId = useId();
  const [label, setLabel] = useState(t.console.linkLabelDefault);
  const [created, setCreated] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(label.trim() || t.console.linkLabelDefault, {
      onSuccess: (link) => setCreated(link.url ? new URL(link.url, window.location.origin).toString() : null),
    });
  };

  return (
    <section className="card console-section" aria-labelledby="console-links-heading" data-testid="display-links">
      <h2 id="console-links-heading">{t.console.displayLinks}</h2>
      <p className="field-hint">{t.console.displayLinksHint}</p>
      {created && <NewLink url={created} onDismiss={() => setCreated(null)} />}
      <form className="display-link-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor={labelId}>{t.console.linkLabel}</label>
          <input id={labelId} value={label} maxLength={100} onChange={(e) => setLabel(e.target.value)} data-testid="display-link-label" />
        </div>
        <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="create-display-link">
          {create.isPending ? t.console.creating : t.console.createLink}
        </button>
      </form>
      {create.isError && <ErrorMessage error={create.error} />}
      <TvCodeCard meetingId={meetingId} label={label.trim() || t.console.linkLabelDefault} />
      {links.isPending && <LoadingState />}
      {links.isError && <ErrorMessage error={links.error} onRetry={() => void links.refetch()} />}
      {links.data && links.data.length === 0 && <p className="muted">{t.console.noLinks}</p>}
      {links.data && links.data.length > 0 && (
        <ul className="display-link-list">
          {[...links.data]
            .sort((a, b) => Number(a.revokedAt !== null) - Number(b.revokedAt !== null) || b.createdAt.localeCompare(a.createdAt))
            .map((link) => (
              <LinkRow key={link.id} link={link} meetingId={meetingId} />
            ))}
        </ul>
      )}
    </section>
  );
}
