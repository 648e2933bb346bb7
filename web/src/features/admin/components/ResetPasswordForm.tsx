import { useState, type FormEvent } from 'react';
import { PASSWORD_MIN_LENGTH, updateUserRequest, type UserSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

interface ResetPasswordFormProps {
  user: UserSummary;
  pending: boolean;
  error: unknown;
  onSubmit: (password: string) => void;
  onCancel: () => void;
}

export function ResetPasswordForm({ user, pending, error, onSubmit, onCancel }: ResetPasswordFormProps) {
  const { t } = useI18n();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = updateUserRequest.safeParse({ password });
    if (!parsed.success || !parsed.data.password) {
      setFieldError(parsed.success ? t.validation.required : fieldErrors(parsed.error.issues, t).password);
      return;
    }
    setFieldError(undefined);
    onSubmit(parsed.data.password);
  };
  return (
    <form className="card section admin-form" onSubmit={submit} noValidate data-testid="reset-password-form">
      <h2>{t.admin.resetPasswordFor(user.fullName)}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      <TextField
        label={t.admin.newPassword}
        hint={t.admin.passwordHint(PASSWORD_MIN_LENGTH)}
        type="text"
        autoComplete="new-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={fieldError}
        autoFocus
        testId="reset-password-input"
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending}>
          {pending ? t.common.saving : t.admin.resetPassword}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
