import { useI18n } from '../i18n/useI18n';

/** One button that switches between Vietnamese and English; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { t, language, setLanguage } = useI18n();
  const next = language === 'vi' ? 'en' : 'vi';
  return (
    <button
      type="button"
      className="button button-ghost language-switch"
      lang={next}
      title={t.header.switchLanguageLabel}
      onClick={() => setLanguage(next)}
      data-testid="language-switch"
    >
      <span className="language-switch-icon">
        {next === 'en' ? 'EN' : 'VI'}
      </span>
      <span className="language-switch-label">{t.header.switchLanguage}</span>
    </button>
  );
}
