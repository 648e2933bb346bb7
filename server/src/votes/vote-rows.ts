import type { PassRule, Vote, VoteKind, VoteResult, VoteStatus } from '@hopso/shared';

export interface VoteRow {
  id: string;
  meeting_id: string;
  sitting_id: string | null;
  agenda_item_id: string | null;
  document_id: string | null;
  version_id: string | null;
  paragraph_id: string | null;
  section_label: string;
  section_excerpt: string | null;
  question: string;
  kind: VoteKind;
  pass_rule: PassRule;
  status: VoteStatus;
  duration_seconds: number | null;
  seats: number | null;
  opened_at: Date | null;
  closes_at: Date | null;
  closed_at: Date | null;
  result: VoteResult | null;
  repeat_of: string | null;
  superseded_by: string | null;
  on_hall: boolean;
  records_published: boolean;
  position: number;
  created_at: Date;
  ballots_cast: number;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Ballots cast: the voter records' count (never the choices) while open; the result's once closed. */
export const SELECT_VOTES = `
  SELECT v.*, left(pg.text, 300) AS section_excerpt,
         CASE v.kind WHEN 'secret' THEN (SELECT count(*)::int FROM secret_ballot_voters s WHERE s.vote_id = v.id)
                     WHEN 'named' THEN (SELECT count(*)::int FROM named_ballots b WHERE b.vote_id = v.id)
                     ELSE COALESCE((v.result->'counts'->>'cast')::int, 0) END AS ballots_cast
    FROM votes v LEFT JOIN paragraphs pg ON pg.id = v.paragraph_id`;

export const toVote = (r: VoteRow): Vote => ({
  id: r.id,
  meetingId: r.meeting_id,
  sittingId: r.sitting_id,
  agendaItemId: r.agenda_item_id,
  documentId: r.document_id,
  versionId: r.version_id,
  paragraphId: r.paragraph_id,
  sectionLabel: r.section_label,
  sectionExcerpt: r.section_excerpt ?? '',
  question: r.question,
  kind: r.kind,
  passRule: r.pass_rule,
  status: r.status,
  durationSeconds: r.duration_seconds,
  openedAt: iso(r.opened_at),
  closesAt: iso(r.closes_at),
  closedAt: iso(r.closed_at),
  seats: r.seats,
  ballotsCast: r.ballots_cast,
  result: r.result,
  repeatOf: r.repeat_of,
  supersededBy: r.superseded_by,
  onHallScreen: r.on_hall,
  recordsPublished: r.records_published,
  position: r.position,
  createdAt: new Date(r.created_at).toISOString(),
});
