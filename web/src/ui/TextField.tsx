import type { InputHTMLAttributes } from 'react';
import { Field } from './Field';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  testId?: string;
}

/** Label above a big input, hint and error tied to it for screen readers. */
export function TextField({ label, hint, error, testId, className, ...inputProps }: TextFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => <input {...control} data-testid={testId} {...inputProps} />}
    </Field>
  );
}
