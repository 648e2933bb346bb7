import { useState, type FormEvent } from 'react';
import { createAgendaItemRequest, type AgendaItem, type CreateAgendaItemRequest } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextAreaField } from '../../../ui/TextAreaField';
import { TextField } from '../../../ui/TextField';

interface AgendaItemFormProps {
  heading: string;
  initial?: AgendaItem;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateAgendaItemRequest) => void;
  onCancel: () => void;
}

export function AgendaItemForm({ heading, initial, pending, error, onSubmit, onCancel }: AgendaItemFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState({
    title: initial?.title ?? '',
    presenter: initial?.presenter ?? '',
    plannedMinutes: initial && initial.plannedMinutes > 0 ? String(initial.plannedMinutes) : '',
    description: initial?.description ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const minutes = values.plannedMinutes.trim() === '' ? 0 : Number(values.plannedMinutes);
    const parsed = createAgendaItemRequest.safeParse({ ...values, plannedMinutes: minutes });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    onSubmit(parsed.data);
  };

  return (
    <form className="agenda-form card" onSubmit={submit} noValidate data-testid="agenda-item-form">
      <h3>{heading}</h3>
      {error ? <ErrorMessage error={error} /> : null}
      <TextField
        label={t.agenda.itemTitle}
        value={values.title}
        onChange={(e) => setValues((v) => ({ ...v, title: e.target.value }))}
        error={errors.title}
        maxLength={500}
        autoFocus
        required
        testId="agenda-item-title"
      />
      <div className="form-grid form-grid-2">
        <TextField
          label={t.agenda.presenter}
          value={values.presenter}
          onChange={(e) => setValues((v) => ({ ...v, presenter: e.target.value }))}
          error={errors.presenter}
          maxLength={200}
          testId="agenda-item-presenter"
        />
        <TextField
          label={t.agenda.plannedMinutes}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          step={1}
          value={values.plannedMinutes}
          onChange={(e) => setValues((v) => ({ ...v, plannedMinutes: e.target.value }))}
          error={errors.plannedMinutes}
          testId="agenda-item-minutes"
        />
      </div>
      <TextAreaField
        label={t.agenda.description}
        value={values.description}
        onChange={(e) => setValues((v) => ({ ...v, description: e.target.value }))}
        error={errors.description}
        maxLength={5000}
        rows={3}
      />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="agenda-item-save">
          {pending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
