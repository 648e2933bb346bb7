import { useState, type FormEvent } from 'react';
import { COUNCIL_LEVELS, createCouncilRequest, type CouncilLevel, type CouncilSummary, type CreateCouncilRequest } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';

interface CouncilFormProps {
  initial?: CouncilSummary;
  pending: boolean;
  error: unknown;
  onSubmit: (body: CreateCouncilRequest) => void;
  onCancel: () => void;
}

export function CouncilForm({ initial, pending, error, onSubmit, onCancel }: CouncilFormProps) {
  const { t } = useI18n();
  const [name, setName] = useState(initial?.name ?? '');
  const [level, setLevel] = useState<CouncilLevel>(initial?.level ?? 'commune');
  const [errors, setErrors] = useState<FieldErrors>({});
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createCouncilRequest.safeParse({ name, level });
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues, t));
    setErrors({});
    onSubmit(parsed.data);
  };
  return (
    <form className="card section admin-form" onSubmit={submit} noValidate data-testid="council-form">
      <h2>{initial ? t.admin.editCouncil : t.admin.createCouncil}</h2>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="form-grid form-grid-2">
        <TextField
          label={t.admin.councilName}
          hint={t.admin.councilNameHint}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
          autoFocus
          testId="council-name"
        />
        <SelectField label={t.admin.level} value={level} onChange={(e) => setLevel(e.target.value as CouncilLevel)} error={errors.level} testId="council-level">
          {COUNCIL_LEVELS.map((l) => (
            <option key={l} value={l}>
              {t.councilLevels[l]}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={pending} data-testid="council-save">
          {pending ? t.common.saving : t.common.save}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
