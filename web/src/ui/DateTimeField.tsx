import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/useI18n';
import { joinInputValue, splitInputValue } from '../lib/datetime';

interface DateTimeFieldProps {
  label: string;
  /** "2025-07-10T08:00" on the council's clock, or '' while unreadable. */
  value: string;
  onChange: (value: string) => void;
  hint?: string;
  error?: string;
  required?: boolean;
  testId?: string;
  /** Told whether something typed is not (yet) a day and a time, as opposed to both boxes empty. */
  onUnreadable?: (unreadable: boolean) => void;
}

/**
 * A day typed as dd/mm/yyyy and a 24-hour time, whatever the browser's locale: the browser's own
 * datetime-local picker shows "12/08/2026, 08:00 AM" on an English system and cannot be told otherwise.
 */
export function DateTimeField({ label, value, onChange, hint, error, required, testId, onUnreadable }: DateTimeFieldProps) {
  const { t } = useI18n();
  const id = useId();
  const [texts, setTexts] = useState(() => splitInputValue(value));
  // a value set from outside (a reset, a live change) replaces what is typed, unless it is what is typed
  useEffect(() => {
    setTexts((current) => (joinInputValue(...current) === value ? current : splitInputValue(value)));
  }, [value]);
  const change = (next: [string, string]) => {
    setTexts(next);
    const joined = joinInputValue(...next);
    onChange(joined);
    onUnreadable?.(joined === '' && next.some((text) => text.trim() !== ''));
  };
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  const common = { required, invalid: Boolean(error), describedBy };
  return (
    <fieldset className={`field datetime-field${error ? ' field-invalid' : ''}`} data-testid={testId}>
      <legend>{label}</legend>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="datetime-parts">
        <Part className="datetime-part" label={t.dateTimeField.day} placeholder={t.dateTimeField.dayPlaceholder} value={texts[0]} onChange={(v) => change([v, texts[1]])} {...common} testId={testId && `${testId}-date`} />
        <Part className="datetime-part datetime-part-time" label={t.dateTimeField.time} placeholder={t.dateTimeField.timePlaceholder} value={texts[1]} onChange={(v) => change([texts[0], v])} {...common} testId={testId && `${testId}-time`} />
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

interface PartProps {
  className: string;
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  invalid: boolean;
  describedBy?: string;
  testId?: string;
}

function Part({ className, label, placeholder, value, onChange, required, invalid, describedBy, testId }: PartProps) {
  return (
    <label className={className}>
      <span className="datetime-part-label">{label}</span>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid={testId}
      />
    </label>
  );
}
