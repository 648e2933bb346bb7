import type { ParticipantImportResult } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { Icon } from '../../../ui/Icon';
import { serverMessageText } from '../../../lib/errorMessage';

/** What the import did: counts, refused lines, and new accounts' initial passwords to print and hand out. */
export function ImportResultPanel({ result }: { result: ParticipantImportResult }) {
  const { t } = useI18n();
  return (
    <div className="import-result" role="status" data-testid="import-result">
      <h3>{t.participants.importResult}</h3>
      <p className="alert alert-success">
        <span data-testid="import-added">{t.participants.importAdded(result.added)}</span>
        {' · '}
        <span data-testid="import-updated">{t.participants.importUpdated(result.updated)}</span>
      </p>
      {result.errors.length > 0 && (
        <div className="alert alert-error" data-testid="import-errors">
          <p>{t.participants.importErrors(result.errors.length)}</p>
          <ul className="issue-list">
            {result.errors.map((e) => (
              <li key={`${e.line}:${e.code}`}>
                <strong>{t.participants.importLine(e.line)}:</strong> {serverMessageText(e, t)}
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.createdAccounts.length > 0 && (
        <div className="print-area" data-testid="import-accounts">
          <p>
            <strong>{t.participants.newAccounts}</strong>
          </p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t.participants.name}</th>
                <th scope="col">{t.participants.username}</th>
                <th scope="col">{t.participants.initialPassword}</th>
              </tr>
            </thead>
            <tbody>
              {result.createdAccounts.map((a) => (
                <tr key={a.username}>
                  <td>{a.fullName}</td>
                  <td>
                    <code>{a.username}</code>
                  </td>
                  <td>
                    <code className="password">{a.initialPassword}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="button button-secondary no-print" onClick={() => window.print()}>
            <Icon name="printer" /> {t.participants.printAccounts}
          </button>
        </div>
      )}
    </div>
  );
}
