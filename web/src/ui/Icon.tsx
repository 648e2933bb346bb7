/** A few inline SVG icons: emoji glyphs are missing on some phones and in headless browsers. */
export type IconName = 'clock' | 'check' | 'printer' | 'file';

const PATHS: Record<IconName, string> = {
  clock: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zm0 4v5l3.5 2',
  check: 'M4 12.5l5 5L20 6.5',
  printer: 'M7 9V3h10v6M7 17H4v-6a2 2 0 0 1 2-2h12a2 2 0 0 1 2 2v6h-3M7 14h10v7H7z',
  file: 'M14 3H6v18h12V7zm0 0v4h4',
};

export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path d={PATHS[name]} fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
