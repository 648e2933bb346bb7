export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'document.view',
  'document.download',
  'document.upload',
  'document.version',
  'auth.passwordChanged',
  'participant.added',
  'participant.roleChanged',
  'participant.removed',
  'council.votingSettings',
  'sitting.change',
  'attendance.mark',
  'attendance.checkin',
  'attendance.absence',
  'participant.votingRight',
  'vote.create',
  'vote.open',
  'vote.close',
  'vote.manual',
  'vote.repeat',
  'vote.hall',
  'speech.start',
  'speech.stop',
  'speakingTimes.update',
  'question.submit',
  'question.merge',
  'questionIssue.assign',
  'questionIssue.close',
  'questionIssue.message',
  'minutes.create',
  'minutes.update',
  'minutes.submitted',
  'minutes.returned',
  'minutes.final',
  // issue 16: release per document, password reset by the secretariat
  'document.release',
  'participant.passwordReset',
  'signingCertificate.upload',
  'signingCertificate.remove',
  'vote.update',
  'vote.delete',
  'council.speakingTimes',
  // ingest that keeps what can be read
  'document.delete',
  'document.versionDelete',
  'document.versionRetry',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  action: AuditAction;
  meetingId: string | null;
  targetId: string | null;
  meta: Record<string, string | number | boolean | null>;
}
