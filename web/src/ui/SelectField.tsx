import type { ReactNode, SelectHTMLAttributes } from 'react';
import { Field } from './Field';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  label: string;
  hint?: string;
  error?: string;
  testId?: string;
  children: ReactNode;
}

export function SelectField({ label, hint, error, testId, children, className, ...selectProps }: SelectFieldProps) {
  return (
    <Field label={label} hint={hint} error={error} className={className}>
      {(control) => (
        <select {...control} data-testid={testId} {...selectProps}>
          {children}
        </select>
      )}
    </Field>
  );
}
