import { useState, type FormEvent } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { loginRequest } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { PasswordField, ShowPasswordToggle } from '../../../ui/PasswordField';
import { TextField } from '../../../ui/TextField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { LanguageSwitch } from '../../../app/LanguageSwitch';
import { useCurrentUser } from '../hooks/useCurrentUser';
import { useLogin } from '../hooks/useLogin';
import './LoginPage.css';

/** Where to go after login: only same-app paths, never another origin. */
function safeNext(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

export function LoginPage() {
  const { t } = useI18n();
  useDocumentTitle(t.login.title);
  const me = useCurrentUser();
  const login = useLogin();
  const navigate = useNavigate();
  const location = useLocation();
  const next = safeNext(new URLSearchParams(location.search).get('next'));
  const [values, setValues] = useState({ login: '', password: '' });
  const [showPassword, setShowPassword] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});

  if (me.isPending) return <LoadingState />;
  if (me.data) return <Navigate to={next} replace />;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = loginRequest.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    login.mutate(parsed.data, { onSuccess: () => navigate(next, { replace: true }) });
  };

  return (
    <div className="login-page">
      <div className="login-top">
        <LanguageSwitch />
      </div>
      <main id="main" className="login-card">
        <p className="login-brand" aria-hidden="true">
          {t.app.name}
        </p>
        <h1>{t.login.title}</h1>
        <p className="muted">{t.login.intro}</p>
        {login.isError && <ErrorMessage error={login.error} testId="login-error" />}
        <form onSubmit={onSubmit} noValidate data-testid="login-form">
          <TextField
            label={t.login.loginLabel}
            name="login"
            autoComplete="username"
            autoCapitalize="none"
            autoCorrect="off"
            spellCheck={false}
            value={values.login}
            onChange={(e) => setValues((v) => ({ ...v, login: e.target.value }))}
            error={errors.login}
            testId="login-username"
            required
          />
          <PasswordField
            label={t.login.passwordLabel}
            name="password"
            shown={showPassword}
            autoComplete="current-password"
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            error={errors.password}
            testId="login-password"
            required
          />
          <ShowPasswordToggle shown={showPassword} onChange={setShowPassword} label={t.login.showPassword} />
          <button type="submit" className="button button-primary button-block" disabled={login.isPending} data-testid="login-submit">
            {login.isPending ? t.login.submitting : t.login.submit}
          </button>
        </form>
        <p className="muted login-help">{t.login.help}</p>
      </main>
    </div>
  );
}
