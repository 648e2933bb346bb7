import { useState, type FormEvent } from 'react';
import { changePasswordRequest, PASSWORD_MIN_LENGTH } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ApiError } from '../../../lib/api-client';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { PasswordField, ShowPasswordToggle } from '../../../ui/PasswordField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useChangePassword } from '../hooks/useChangePassword';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '' };

/** Đổi mật khẩu: the rule comes from the shared schema, so the form and the server say the same. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  useDocumentTitle(t.account.passwordTitle);
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [show, setShow] = useState(false);
  const wrongPassword = change.error instanceof ApiError && change.error.code === 'WRONG_PASSWORD';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = changePasswordRequest.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    const found: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error.issues, t);
    if (values.confirmPassword !== values.newPassword) found.confirmPassword = t.validation.passwordsDiffer;
    setErrors(found);
    if (!parsed.success || found.confirmPassword) return;
    change.mutate(parsed.data, { onSuccess: () => setValues(EMPTY) });
  };
  const field = (name: keyof typeof EMPTY) => ({
    name,
    shown: show,
    value: values[name],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [name]: e.target.value })),
    testId: `password-${name}`,
    required: true,
  });

  return (
    <section className="narrow" aria-labelledby="change-password-heading" data-testid="change-password-page">
      <h1 id="change-password-heading">{t.account.passwordTitle}</h1>
      <p className="muted">{t.account.passwordIntro(PASSWORD_MIN_LENGTH)}</p>
      {change.isSuccess && (
        <p className="alert alert-success" role="status" data-testid="password-changed">
          {t.account.done}
        </p>
      )}
      {change.isError && !wrongPassword && <ErrorMessage error={change.error} testId="password-error" />}
      <form onSubmit={onSubmit} noValidate data-testid="change-password-form">
        <PasswordField
          label={t.account.currentPassword}
          autoComplete="current-password"
          error={errors.currentPassword ?? (wrongPassword ? t.errors.WRONG_PASSWORD : undefined)}
          {...field('currentPassword')}
        />
        <PasswordField
          label={t.account.newPassword}
          hint={t.account.newPasswordHint(PASSWORD_MIN_LENGTH)}
          autoComplete="new-password"
          error={errors.newPassword}
          {...field('newPassword')}
        />
        <PasswordField label={t.account.confirmPassword} autoComplete="new-password" error={errors.confirmPassword} {...field('confirmPassword')} />
        <ShowPasswordToggle shown={show} onChange={setShow} label={t.account.showPasswords} />
        <button type="submit" className="button button-primary button-block" disabled={change.isPending} data-testid="password-submit">
          {change.isPending ? t.account.submitting : t.account.submit}
        </button>
      </form>
    </section>
  );
}
