import { useI18n } from '../i18n/useI18n';
import { ApiError } from '../lib/api-client';
import { errorMessage } from '../lib/errorMessage';
import { apiIssueLike, issueMessage } from '../lib/formErrors';

interface ErrorMessageProps {
  error: unknown;
  onRetry?: () => void;
  testId?: string;
}

/** An API or network error as a sentence a person can act on; field issues listed below it. */
export function ErrorMessage({ error, onRetry, testId = 'error-message' }: ErrorMessageProps) {
  const { t } = useI18n();
  const issues = error instanceof ApiError ? (error.body.issues ?? []) : [];
  return (
    <div className="alert alert-error" role="alert" data-testid={testId} data-error-code={error instanceof ApiError ? error.code : undefined}>
      <p>{errorMessage(error, t)}</p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {[...new Set(issues.map((issue) => issueMessage(apiIssueLike(issue), t)))].map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}
