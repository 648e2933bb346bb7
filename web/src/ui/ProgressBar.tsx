interface ProgressBarProps {
  /** 0–100 */
  value: number;
  label: string;
  tone?: 'upload' | 'process';
  testId?: string;
}

/** A native <progress> read out by screen readers, with the percentage written beside it. */
export function ProgressBar({ value, label, tone = 'upload', testId }: ProgressBarProps) {
  const percent = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div className={`progress progress-${tone}`} data-testid={testId}>
      <progress max={100} value={percent} aria-label={label} />
      <span className="progress-value" aria-hidden="true">
        {percent}%
      </span>
    </div>
  );
}
