import type { PdfSignatureInfo, PdfSignatureStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { useDateTime } from '../../../lib/councilTimeZone';
import './signatures.css';

const TONE: Record<PdfSignatureStatus, 'ok' | 'warn' | 'bad'> = { valid: 'ok', validWithLaterChanges: 'warn', modified: 'bad', invalid: 'bad' };

/** "Chữ ký số": the PDF's signatures as the server checked them; nothing when the file is unsigned. */
export function SignaturePanel({ signatures }: { signatures: PdfSignatureInfo[] | undefined }) {
  const { t } = useI18n();
  const when = useDateTime();
  if (!signatures || signatures.length === 0) return null;
  const worst = signatures.map((s) => TONE[s.status]).sort((a, b) => rank(b) - rank(a))[0];
  return (
    <details className={`signature-panel signature-${worst}`} data-testid="signature-panel">
      <summary>
        <span className="signature-mark" aria-hidden="true">
          {worst === 'ok' ? '✓' : '!'}
        </span>
        <strong>{t.signatures.panelTitle}</strong>
        <span>{signatures.length === 1 ? t.signatures.status[signatures[0].status] : t.signatures.count(signatures.length)}</span>
      </summary>
      <ul className="signature-list">
        {signatures.map((s, i) => (
          <li key={`${s.fieldName ?? ''}:${i}`} className={`signature-item signature-${TONE[s.status]}`} data-testid="signature-item" data-status={s.status}>
            <p className="signature-status">{t.signatures.status[s.status]}</p>
            <dl>
              <dt>{t.signatures.signer}</dt>
              <dd data-testid="signature-signer">{s.signerName ?? t.signatures.unknownSigner}</dd>
              <dt>{t.signatures.signedAt}</dt>
              <dd>{s.signingTime ? when(s.signingTime) : t.signatures.noTime}</dd>
              {s.reason && (
                <>
                  <dt>{t.signatures.reason}</dt>
                  <dd>{s.reason}</dd>
                </>
              )}
              {s.location && (
                <>
                  <dt>{t.signatures.location}</dt>
                  <dd>{s.location}</dd>
                </>
              )}
              {s.issuer && (
                <>
                  <dt>{t.signatures.issuer}</dt>
                  <dd>{s.issuer.split('\n').join(', ')}</dd>
                </>
              )}
            </dl>
            {s.certificateValidAtSigning === false && <p className="signature-warning">{t.signatures.certificateOutOfValidity}</p>}
          </li>
        ))}
      </ul>
      <p className="signature-note">{t.signatures.trustNote}</p>
    </details>
  );
}

const rank = (tone: 'ok' | 'warn' | 'bad') => (tone === 'bad' ? 2 : tone === 'warn' ? 1 : 0);
