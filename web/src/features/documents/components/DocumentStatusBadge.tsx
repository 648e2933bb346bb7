import type { VersionStatus } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';

export function DocumentStatusBadge({ status }: { status: VersionStatus }) {
  const { t } = useI18n();
  return (
    <span className={`badge badge-${status}`} data-status={status}>
      {t.versionStatus[status]}
    </span>
  );
}
