import { useEffect, useRef, useState, type FormEvent } from 'react';
import { createUserRequest, PASSWORD_MIN_LENGTH, updateUserRequest, type CreateUserRequest, type UpdateUserRequest, type UserSummary } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';

type UserFormProps =
  | { mode: 'create'; pending: boolean; error: unknown; onSubmit: (body: CreateUserRequest) => void; onCancel: () => void }
  | { mode: 'edit'; user: UserSummary; pending: boolean; error: unknown; onSubmit: (body: UpdateUserRequest) => void; onCancel: () => void };

/** Create a user, or edit one's name, phone and admin flag (the username never changes). */
export function UserForm(props: UserFormProps) {
  const { t } = useI18n();
  const initial = props.mode === 'edit' ? props.user : null;
  const [values, setValues] = useState({
    username: initial?.username ?? '',
    fullName: initial?.fullName ?? '',
    phone: initial?.phone ?? '',
    password: '',
    isAdmin: initial?.isAdmin ?? false,
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    // the form opens above the list: bring it into view and put the cursor in it
    formRef.current?.scrollIntoView({ block: 'start' });
    formRef.current?.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
  }, []);
  const phone = values.phone.trim() === '' ? null : values.phone.trim();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (props.mode === 'create') {
      const parsed = createUserRequest.safeParse({ ...values, phone });
      if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
      setErrors({});
      props.onSubmit(parsed.data);
    } else {
      const parsed = updateUserRequest.safeParse({ fullName: values.fullName, phone, isAdmin: values.isAdmin });
      if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
      setErrors({});
      props.onSubmit(parsed.data);
    }
  };

  return (
    <form ref={formRef} className="card section admin-form" onSubmit={submit} noValidate data-testid={`user-form-${props.mode}`}>
      <h2>{props.mode === 'create' ? t.admin.createUser : t.admin.editUser}</h2>
      {props.error ? <ErrorMessage error={props.error} /> : null}
      <div className="form-grid form-grid-2">
        <TextField
          label={t.admin.username}
          hint={t.admin.usernameHint}
          value={values.username}
          onChange={(e) => setValues((v) => ({ ...v, username: e.target.value.toLowerCase() }))}
          error={errors.username}
          disabled={props.mode === 'edit'}
          autoCapitalize="none"
          autoComplete="off"
          spellCheck={false}
          testId="user-username"
        />
        <TextField label={t.admin.fullName} value={values.fullName} onChange={(e) => setValues((v) => ({ ...v, fullName: e.target.value }))} error={errors.fullName} testId="user-fullname" />
        <TextField
          label={t.admin.phone}
          type="tel"
          inputMode="tel"
          value={values.phone}
          onChange={(e) => setValues((v) => ({ ...v, phone: e.target.value }))}
          error={errors.phone}
          testId="user-phone"
        />
        {props.mode === 'create' && (
          <TextField
            label={t.admin.password}
            hint={t.admin.passwordHint(PASSWORD_MIN_LENGTH)}
            type="text"
            autoComplete="new-password"
            value={values.password}
            onChange={(e) => setValues((v) => ({ ...v, password: e.target.value }))}
            error={errors.password}
            testId="user-password"
          />
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={values.isAdmin} onChange={(e) => setValues((v) => ({ ...v, isAdmin: e.target.checked }))} />
        <span>{t.admin.isAdmin}</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.pending} data-testid="user-save">
          {props.pending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button button-ghost" onClick={props.onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
