import { useState, type FormEvent } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { formatDateTime } from '../../../lib/datetime';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { TextField } from '../../../ui/TextField';
import { useSigningCertificate } from '../hooks/useSigningCertificate';
import './signatures.css';
import { useConfirm } from '../../../ui/useConfirm';

/** The council's signing certificate, for administrators: what it is (never its key), upload, replace, remove. */
export function SigningCertificateCard({ councilId }: { councilId: string }) {
  const { t, language } = useI18n();
  const { status, upload, remove } = useSigningCertificate(councilId);
  const confirm = useConfirm();
  const [file, setFile] = useState<File | null>(null);
  const [password, setPassword] = useState('');
  const [inputKey, setInputKey] = useState(0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    remove.reset();
    upload.mutate(
      { file, password },
      {
        onSuccess: () => {
          setFile(null);
          setPassword('');
          setInputKey((k) => k + 1);
        },
      },
    );
  };

  if (status.isPending) return <LoadingState />;
  if (status.isError) return <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />;
  const { certificate, signingAvailable } = status.data;
  return (
    <section className="signing-certificate" data-testid="signing-certificate">
      <h3>{t.signatures.certificateTitle}</h3>
      <p className="field-hint">{t.signatures.certificateHint}</p>
      {!signingAvailable && <p className="alert alert-warning">{t.signatures.unavailable}</p>}
      {certificate ? (
        <dl className="signing-certificate-facts">
          <dt>{t.signatures.signer}</dt>
          <dd data-testid="certificate-signer">{certificate.signerName ?? certificate.subject}</dd>
          <dt>{t.signatures.subject}</dt>
          <dd>{certificate.subject.split('\n').join(', ')}</dd>
          <dt>{t.signatures.issuer}</dt>
          <dd>{certificate.issuer.split('\n').join(', ')}</dd>
          <dt>{t.signatures.validFrom}</dt>
          <dd>{formatDateTime(certificate.validFrom, language)}</dd>
          <dt>{t.signatures.validTo}</dt>
          <dd>{formatDateTime(certificate.validTo, language)}</dd>
          <dt>{t.signatures.fingerprint}</dt>
          <dd className="signing-certificate-fingerprint">{certificate.fingerprintSha256}</dd>
        </dl>
      ) : (
        <p className="empty-state">{t.signatures.noCertificate}</p>
      )}
      {signingAvailable && (
        <form className="signing-certificate-form" onSubmit={submit}>
          <div className="field">
            <label htmlFor={`p12-${councilId}`}>{t.signatures.file}</label>
            <input
              key={inputKey}
              id={`p12-${councilId}`}
              type="file"
              accept=".p12,.pfx,application/x-pkcs12"
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              data-testid="certificate-file"
            />
          </div>
          <TextField label={t.signatures.password} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} testId="certificate-password" />
          {upload.isError && <ErrorMessage error={upload.error} testId="certificate-error" />}
          {upload.isSuccess && <p className="alert alert-success" role="status">{t.signatures.uploaded}</p>}
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={!file || upload.isPending} data-testid="certificate-upload">
              {certificate ? t.signatures.replace : t.signatures.upload}
            </button>
            {certificate && (
              <button
                type="button"
                className="button button-secondary"
                disabled={remove.isPending}
                onClick={() =>
                  confirm.ask({
                    title: t.chairHall.title,
                    message: t.signatures.confirmRemove,
                    confirmLabel: t.chairHall.remove,
                    testId: 'certificate-remove-dialog',
                    onConfirm: () => {
                      upload.reset();
                      remove.mutate();
                    },
                  })
                }
              >
                {t.signatures.remove}
              </button>
            )}
          </div>
          {remove.isError && <ErrorMessage error={remove.error} />}
        </form>
      )}
      {confirm.dialog}
    </section>
  );
}
