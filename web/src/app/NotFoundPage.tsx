import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/useI18n';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="empty-state">
      <h1>{t.app.notFound}</h1>
      <Link to="/" className="button button-primary">
        {t.app.goHome}
      </Link>
    </section>
  );
}
