import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { tvCodesApi } from '../api/tvCodesApi';
import './tv-setup.css';

/** The page a hall TV opens (/tv, no login): the short code from the console takes it to its display link. */
export function TvCodePage() {
  const { t } = useI18n();
  const id = useId();
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  useDocumentTitle(t.tvSetup.pageTitle);
  const redeem = useMutation({ mutationFn: (value: string) => tvCodesApi.redeem({ code: value }), onSuccess: ({ url }) => navigate(url, { replace: true }) });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim()) redeem.mutate(code.trim());
  };
  return (
    <main className="tv-setup" data-testid="tv-code-page">
      <h1>{t.tvSetup.pageTitle}</h1>
      <p className="tv-setup-hint">{t.tvSetup.pageHint}</p>
      <form className="tv-setup-form" onSubmit={submit}>
        <label htmlFor={id}>{t.tvSetup.codeLabel}</label>
        <input
          id={id}
          className="tv-setup-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoFocus
          maxLength={7}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          data-testid="tv-code-input"
        />
        <button type="submit" className="button button-primary button-big" disabled={redeem.isPending || !code.trim()} data-testid="tv-code-submit">
          {redeem.isPending ? t.tvSetup.opening : t.tvSetup.open}
        </button>
      </form>
      {redeem.isError && <ErrorMessage error={redeem.error} />}
    </main>
  );
}
