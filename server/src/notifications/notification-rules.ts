import crypto from 'node:crypto';
import { MEETING_PERMISSIONS, type MeetingEvent, type NotificationKind, type NotificationParams } from '@hopso/shared';

/** One notification to write: for these people, once per `dedupeKey`. */
export interface NotificationDraft {
  kind: NotificationKind;
  meetingId: string;
  refId: string;
  dedupeKey: string;
  params: Omit<NotificationParams, 'meetingTitle'>;
  /** Who it is for: these people, or (`roles`) every participant of the meeting holding one of them. */
  to: { userIds: string[] } | { roles: readonly string[] };
}

/** Readers of released documents who are not the staff that released them. */
const DOCUMENT_READERS = MEETING_PERMISSIONS['documents.readReleased'].filter((r) => !MEETING_PERMISSIONS['documents.readUnreleased'].includes(r));
/** Those a vote is opened for: the participants who follow votes, less the staff that open them. */
const VOTE_FOLLOWERS = MEETING_PERMISSIONS['votes.read'].filter((r) => !MEETING_PERMISSIONS['votes.manage'].includes(r));

/**
 * What a committed meeting event notifies, pure (the database steps are in the service). Documents:
 * once a released document's newest version is ready; breakouts: as they start, to each group's
 * members; votes: as they open; comments: when the secretariat's reply is new.
 */
export function notificationsOf(event: MeetingEvent): NotificationDraft[] {
  switch (event.type) {
    case 'document.changed': {
      const d = event.payload.document;
      if (d.state !== 'released' || d.currentVersion.status !== 'ready') return [];
      const params = { title: d.title, documentId: d.id, agendaItemId: d.agendaItemId, versionNo: d.currentVersion.versionNo };
      // the first news of it is "released"; a later ready version "replaced" (see the service)
      return [{ kind: 'document.released', meetingId: d.meetingId, refId: d.id, dedupeKey: `document:${d.id}:v${d.currentVersion.versionNo}`, params, to: { roles: DOCUMENT_READERS } }];
    }
    case 'comment.updated': {
      const c = event.payload.comment;
      const params = { title: c.documentTitle, documentId: c.documentId, agendaItemId: c.agendaItemId };
      const drafts: NotificationDraft[] = [];
      if (c.reply.trim()) drafts.push({ kind: 'comment.replied', meetingId: c.meetingId, refId: c.id, dedupeKey: `comment.replied:${c.id}:${hash(c.reply)}`, params, to: { userIds: [c.authorId] } });
      // a staff message in the comment's conversation, once per message (the newest: each event carries one more)
      const last = c.messages?.at(-1);
      if (last?.fromStaff) drafts.push({ kind: 'comment.replied', meetingId: c.meetingId, refId: c.id, dedupeKey: `comment.message:${last.id}`, params, to: { userIds: [c.authorId] } });
      return drafts;
    }
    case 'breakout.changed': {
      const b = event.payload.breakout;
      if (b.status !== 'running' || !b.startedAt) return [];
      return b.groups.map((g) => ({
        kind: 'breakout.started' as const,
        meetingId: b.meetingId,
        refId: g.id,
        dedupeKey: `breakout.started:${g.id}:${b.startedAt}`,
        params: { title: g.name, agendaItemId: b.agendaItemId },
        to: { userIds: g.memberIds },
      }));
    }
    case 'vote.changed': {
      const v = event.payload.vote;
      if (v.status !== 'open') return [];
      return [{ kind: 'vote.opened', meetingId: v.meetingId, refId: v.id, dedupeKey: `vote.opened:${v.id}:${v.openedAt}`, params: { title: v.question, agendaItemId: v.agendaItemId }, to: { roles: VOTE_FOLLOWERS } }];
    }
    default:
      return [];
  }
}

/** A short digest of a text: a reply changed is news again, the same reply saved twice is not. */
const hash = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);
