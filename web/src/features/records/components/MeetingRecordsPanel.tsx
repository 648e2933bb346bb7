import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { recordsApi } from '../api/recordsApi';

/** On the meeting page: the resolutions a passed vote adopted, and the way to the minutes and reports. */
export function MeetingRecordsPanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const adopted = useQuery({ queryKey: ['meetings', meetingId, 'adopted'], queryFn: () => recordsApi.adopted(meetingId) });
  return (
    <section className="card" aria-labelledby="meeting-records-heading" data-testid="meeting-records">
      <h2 id="meeting-records-heading">{t.records.title}</h2>
      {(adopted.data ?? []).length > 0 && (
        <>
          <h3>{t.records.adopted}</h3>
          <ul className="records-list" data-testid="adopted-resolutions">
            {adopted.data!.map((a) => (
              <li key={a.versionId} className="records-row">
                ✓ {t.records.adoptedLine(a.documentTitle, a.versionNo, a.result.counts.yes, a.result.seats)}
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to={`/meetings/${meetingId}/records`} className="button button-secondary" data-testid="meeting-records-link">
        {t.records.link}
      </Link>
    </section>
  );
}
