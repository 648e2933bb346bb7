import { can, documentReleaseTime, type MeetingRole, type MeetingStatus } from '@hopso/shared';

/**
 * May someone of `role` read this document now: those who read unreleased documents always; the
 * others once the meeting is out of draft and the document is released and its time has come (its own
 * or the meeting's, the later). The one rule of REST, the file, the events and the catch-up.
 */
export function documentReadable(
  role: MeetingRole | null,
  doc: { state: 'draft' | 'released'; releaseAt: string | Date | null },
  meeting: { status: MeetingStatus; releaseAt: string | Date },
  now = Date.now(),
): boolean {
  if (can(role, 'documents.readUnreleased')) return true;
  if (!can(role, 'documents.readReleased') || meeting.status === 'draft' || doc.state !== 'released') return false;
  const iso = (d: string | Date) => (typeof d === 'string' ? d : d.toISOString());
  return Date.parse(documentReleaseTime({ releaseAt: doc.releaseAt === null ? null : iso(doc.releaseAt) }, iso(meeting.releaseAt))) <= now;
}
