import type { ComponentProps } from 'react';
import { TextField } from './TextField';

type PasswordFieldProps = Omit<ComponentProps<typeof TextField>, 'type'> & {
  /** The form's one "show password" switch (ShowPasswordToggle) decides for all its password boxes. */
  shown: boolean;
};

/** A password box, hidden unless the form's "show password" switch is on. */
export function PasswordField({ shown, ...props }: PasswordFieldProps) {
  return <TextField {...props} type={shown ? 'text' : 'password'} />;
}

/** "Hiện mật khẩu": a big checkbox, so an elderly delegate can check what they typed. */
export function ShowPasswordToggle({ shown, onChange, label }: { shown: boolean; onChange: (shown: boolean) => void; label: string }) {
  return (
    <label className="checkbox">
      <input type="checkbox" checked={shown} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
