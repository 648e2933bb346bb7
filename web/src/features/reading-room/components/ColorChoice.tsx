import type { HighlightColor } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { COLORS } from '../lib/readingTypes';

interface ColorChoiceProps {
  value: HighlightColor | null;
  onChange: (color: HighlightColor) => void;
  disabled?: boolean;
  /** Label of each swatch for screen readers, from the colour's name. */
  labelFor?: (colorName: string) => string;
  testIdPrefix?: string;
}

/** Four big colour swatches, a radio group: the chosen one is ringed and ticked, not told by colour alone. */
export function ColorChoice({ value, onChange, disabled, labelFor, testIdPrefix = 'color' }: ColorChoiceProps) {
  const { t } = useI18n();
  return (
    <div className="color-choice" role="radiogroup" aria-label={t.readingRoom.colorLabel}>
      {COLORS.map((color) => {
        const name = t.highlightColors[color];
        return (
          <button
            key={color}
            type="button"
            role="radio"
            aria-checked={value === color}
            aria-label={labelFor ? labelFor(name) : name}
            className={`swatch swatch-${color}`}
            disabled={disabled}
            onClick={() => onChange(color)}
            data-testid={`${testIdPrefix}-${color}`}
          >
            {value === color && (
              <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
                <path d="M4 12.5l5 5L20 6.5" fill="none" stroke="currentColor" strokeWidth="3" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
            )}
          </button>
        );
      })}
    </div>
  );
}
