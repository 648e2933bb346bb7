import type { MeetingDetail } from '@hopso/shared';
import { DocumentManager } from '../../documents/components/DocumentManager';
import { UploadPanel } from '../../documents/components/UploadPanel';

export function DocumentsPanel({ meeting }: { meeting: MeetingDetail }) {
  const agenda = [...meeting.agenda].sort((a, b) => a.position - b.position);
  return (
    <div data-testid="documents-panel">
      <UploadPanel meetingId={meeting.id} agenda={agenda} />
      <DocumentManager meetingId={meeting.id} agenda={agenda} />
    </div>
  );
}
