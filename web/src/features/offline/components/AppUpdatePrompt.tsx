import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { registerServiceWorker } from '../lib/registerServiceWorker';
import './offline.css';

/**
 * Registers the service worker (production builds only) and, when a new version of the app has
 * been downloaded, offers to reload into it. It never reloads by itself: the delegate may be in the
 * middle of writing a comment.
 */
export function AppUpdatePrompt() {
  const { t } = useI18n();
  const [update, setUpdate] = useState<(() => void) | null>(null);
  useEffect(() => registerServiceWorker((apply) => setUpdate(() => apply)), []);
  if (!update) return null;
  return (
    <div className="app-update" role="status" data-testid="app-update">
      <span>{t.offline.appUpdate}</span>
      <button type="button" className="button button-primary" onClick={update}>
        {t.offline.appUpdateReload}
      </button>
    </div>
  );
}
