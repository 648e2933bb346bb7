import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { can, isStaff, type AccountSlip, type Participant, type ResetPasswordsResult } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { apiClient } from '../../../lib/api-client';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { Icon } from '../../../ui/Icon';
import { ConfirmDialog } from '../../../ui/ConfirmDialog';
import { useMeeting } from '../../meetings/hooks/useMeeting';
import './account-slips.css';

/** Prints only the slips: the rest of the page is hidden for as long as the print dialog is up. */
function printSlips(): void {
  document.body.classList.add('printing-slips');
  const done = () => {
    document.body.classList.remove('printing-slips');
    window.removeEventListener('afterprint', done);
  };
  window.addEventListener('afterprint', done);
  window.print();
}

function Slips({ slips, meetingTitle }: { slips: AccountSlip[]; meetingTitle: string }) {
  const { t } = useI18n();
  return (
    <div className="account-slips" data-testid="account-slips">
      {slips.map((s) => (
        <section key={s.userId} className="account-slip" data-testid="account-slip" data-user-id={s.userId} aria-label={s.fullName}>
          <p className="account-slip-meeting">{meetingTitle}</p>
          <h3>{s.fullName}</h3>
          <dl>
            <dt>{t.accountSlips.login}</dt>
            <dd data-testid="slip-login">
              {s.username}
              {s.phone ? ` · ${s.phone}` : ''}
            </dd>
            <dt>{t.accountSlips.password}</dt>
            <dd className="account-slip-password" data-testid="slip-password">
              {s.oneTimePassword}
            </dd>
          </dl>
          <p className="account-slip-hint">{t.accountSlips.slipHint}</p>
        </section>
      ))}
    </div>
  );
}

/**
 * Phiếu tài khoản: the meeting's secretary picks delegates who forgot their password, resets them
 * (after asking), and prints the slips. The passwords exist only in this answer: shown once.
 */
export function AccountSlipsPanel({ meetingId, participants }: { meetingId: string; participants: readonly Participant[] }) {
  const { t } = useI18n();
  const meeting = useMeeting(meetingId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const reset = useMutation({
    mutationFn: (userIds: string[]) => apiClient.post<ResetPasswordsResult>(`/api/meetings/${encodeURIComponent(meetingId)}/password-resets`, { userIds }),
    onSuccess: () => {
      setAsking(false);
      setChosen(new Set());
    },
  });
  if (!can(meeting.data?.myRole, 'participants.resetPasswords')) return null;
  const selectable = participants.filter((p) => !isStaff(p.role));
  const toggle = (id: string) =>
    setChosen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allChosen = selectable.length > 0 && selectable.every((p) => chosen.has(p.userId));

  return (
    <section className="section" aria-labelledby="account-slips-heading" data-testid="account-slips-panel">
      <h2 id="account-slips-heading">{t.accountSlips.title}</h2>
      <p className="muted">{t.accountSlips.hint}</p>
      {selectable.length === 0 ? (
        <p className="empty-state">{t.accountSlips.noneSelectable}</p>
      ) : (
        <>
          <label className="checkbox-row account-slips-choice">
            <input type="checkbox" checked={allChosen} onChange={() => setChosen(allChosen ? new Set() : new Set(selectable.map((p) => p.userId)))} />
            {t.accountSlips.selectAll}
          </label>
          <ul className="account-slips-people">
            {selectable.map((p) => (
              <li key={p.userId}>
                <label className="checkbox-row account-slips-choice">
                  <input type="checkbox" checked={chosen.has(p.userId)} onChange={() => toggle(p.userId)} aria-label={t.accountSlips.select(p.fullName)} data-testid="slip-choose" data-user-id={p.userId} />
                  <span>
                    {p.fullName} <span className="muted">({t.roles[p.role]})</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          <button type="button" className="button button-primary" disabled={chosen.size === 0 || reset.isPending} onClick={() => setAsking(true)} data-testid="reset-passwords">
            {t.accountSlips.reset(chosen.size)}
          </button>
        </>
      )}
      {asking && (
        <ConfirmDialog
          title={t.accountSlips.confirmTitle}
          confirmLabel={reset.isPending ? t.accountSlips.resetting : t.accountSlips.confirm}
          busy={reset.isPending}
          onConfirm={() => reset.mutate([...chosen])}
          onCancel={() => setAsking(false)}
          testId="reset-passwords-dialog"
        >
          <p>{t.accountSlips.confirmText(chosen.size)}</p>
          {reset.isError && <ErrorMessage error={reset.error} />}
        </ConfirmDialog>
      )}
      {reset.data && (
        <div className="account-slips-result">
          <p className="alert alert-success" role="status">
            {t.accountSlips.ready(reset.data.slips.length)}
          </p>
          <button type="button" className="button button-secondary" onClick={printSlips} data-testid="print-slips">
            <Icon name="printer" /> {t.accountSlips.print}
          </button>
          <Slips slips={reset.data.slips} meetingTitle={meeting.data?.title ?? ''} />
        </div>
      )}
    </section>
  );
}
