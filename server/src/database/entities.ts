import { AnnotationEntity } from '../annotations/annotation.entity';
import { AuditEventEntity } from '../audit/audit-event.entity';
import { CommentEntity } from '../comments/comment.entity';
import { SessionEntity } from '../auth/session.entity';
import { CouncilEntity, CouncilStaffEntity } from '../councils/council.entity';
import { DocumentEntity, DocumentVersionEntity, ParagraphEntity } from '../documents/document.entity';
import { AgendaItemEntity } from '../meetings/agenda-item.entity';
import { MeetingEntity } from '../meetings/meeting.entity';
import { ParticipantEntity } from '../meetings/participant.entity';
import { UserEntity } from '../users/user.entity';

export const ENTITIES = [
  UserEntity,
  SessionEntity,
  CouncilEntity,
  CouncilStaffEntity,
  MeetingEntity,
  ParticipantEntity,
  AgendaItemEntity,
  DocumentEntity,
  DocumentVersionEntity,
  ParagraphEntity,
  AuditEventEntity,
  AnnotationEntity,
  CommentEntity,
];
