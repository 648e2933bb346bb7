import { useMutation, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { useI18n } from '../../../i18n/useI18n';
import { saveFile } from '../../../lib/download';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { recordsApi } from '../api/recordsApi';
import { adoptedKey } from '../lib/minutesCache';

/** On the meeting page: the resolutions a passed vote adopted, and the way to the minutes and reports. */
export function MeetingRecordsPanel({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const adopted = useQuery({ queryKey: adoptedKey(meetingId), queryFn: () => recordsApi.adopted(meetingId) });
  const signed = useMutation({ mutationFn: (versionId: string) => recordsApi.adoptedFile(versionId), onSuccess: saveFile });
  return (
    <section className="card" aria-labelledby="meeting-records-heading" data-testid="meeting-records">
      <h2 id="meeting-records-heading">{t.records.title}</h2>
      {(adopted.data ?? []).length > 0 && (
        <>
          <h3>{t.records.adopted}</h3>
          <ul className="records-list" data-testid="adopted-resolutions">
            {adopted.data!.map((a) => (
              <li key={a.versionId} className="records-row">
                <span>✓ {t.records.adoptedLine(a.documentTitle, a.versionNo, a.result.counts.yes, a.result.seats)}</span>
                <button type="button" className="button button-secondary" disabled={signed.isPending} onClick={() => signed.mutate(a.versionId)} data-testid="adopted-signed-pdf">
                  {t.records.signedPdf}
                </button>
              </li>
            ))}
          </ul>
          {signed.isError && <ErrorMessage error={signed.error} />}
        </>
      )}
      <Link to={`/meetings/${meetingId}/records`} className="button button-secondary" data-testid="meeting-records-link">
        {t.records.link}
      </Link>
    </section>
  );
}
