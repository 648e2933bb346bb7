import { useEffect } from 'react';
import { useI18n } from '../i18n/useI18n';

/** "<page> · họp số" in the browser tab, so screen-reader users hear where they landed. */
export function useDocumentTitle(title: string | undefined) {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? `${title} · ${t.app.name}` : t.app.name;
  }, [title, t.app.name]);
}
