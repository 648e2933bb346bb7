import crypto from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { MeetingEventsService } from '../events/meeting-events.service';
import { canChangeParticipant, type ParticipantImportResult, type ServerMessage } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DomainError } from '../common/domain-error';
import { findUserByPhone, usernameTaken } from '../users/users.repository';
import { UsersService } from '../users/users.service';
import { MeetingAccessService } from './meeting-access.service';
import { ParticipantsService } from './participants.service';
import { readDelegateListOffThread } from './import-in-worker';
import { fold, ImportTooLargeError, UnreadableImportError, type ImportRow } from './participant-import';

// no 0/O or 1/l/I: the initial password is read aloud or copied from paper
const PASSWORD_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

@Injectable()
export class ParticipantImportService {
  constructor(
    private readonly events: MeetingEventsService,
    private readonly participants: ParticipantsService,
    private readonly usersService: UsersService,
    private readonly access: MeetingAccessService,
  ) {}

  /**
   * Good rows are kept, bad rows are reported by line. The file is read off the event loop within
   * its bounds, and the good rows are written in one transaction: all of them or, if anything
   * fails, none. Roles change under the same rules as by hand (ParticipantsService.setRole).
   */
  async import(caller: AuthUser, meetingId: string, file: { path: string; size: number } | undefined): Promise<ParticipantImportResult> {
    const { role: callerRole } = await this.access.require(caller, meetingId, 'participants.write');
    if (!file || file.size === 0) throw new DomainError('FILE_MISSING', 'Choose a CSV or Excel file to import');
    let rows: ImportRow[];
    try {
      rows = await readDelegateListOffThread(file.path);
    } catch (e) {
      if (e instanceof ImportTooLargeError) throw new DomainError('IMPORT_TOO_LARGE', e.message, undefined, e.detail);
      if (e instanceof UnreadableImportError) throw new DomainError('IMPORT_UNREADABLE', e.message, undefined, e.detail);
      throw e;
    }
    const withNul = rows.find((r) => [r.fullName, r.phone, r.roleText, r.unit].some((t) => t.includes('\u0000')));
    if (withNul) {
      throw new DomainError('NUL_CHARACTER', `Line ${withNul.line} holds an invalid (null) character; retype it and import the file again`, undefined, {
        code: 'NUL_IN_LINE',
        params: { line: withNul.line },
      });
    }
    const result: ParticipantImportResult = { added: 0, updated: 0, createdAccounts: [], errors: [] };
    const seenPhones = new Set<string>();
    await this.events.transaction(async (tx, emit) => {
      for (const row of rows) {
        const problem = this.problemWith(row, seenPhones);
        if (problem) {
          result.errors.push({ line: row.line, ...problem });
          continue;
        }
        seenPhones.add(row.phone);
        let user = await findUserByPhone(tx, row.phone);
        if (!user) {
          const initialPassword = randomPassword();
          user = await this.usersService.createAccount(
            {
              username: await this.freeUsername(tx, row.fullName),
              fullName: row.fullName,
              phone: row.phone,
              password: initialPassword,
              isAdmin: false,
            },
            tx,
          );
          result.createdAccounts.push({ fullName: user.fullName, username: user.username, initialPassword });
        }
        // the same rules as a change by hand: no administrator importing themselves, no meeting left without a secretary
        if (!canChangeParticipant(callerRole, caller.isAdmin, user.id === caller.id)) {
          result.errors.push({ line: row.line, message: 'An administrator cannot add themselves to a meeting; ask its secretariat', code: 'IMPORT_ADMIN_SELF' });
          continue;
        }
        try {
          const outcome = await this.participants.setRole(caller, meetingId, user.id, row.role!, row.unit || undefined, 'import', tx, emit);
          result[outcome]++;
        } catch (e) {
          if (!(e instanceof DomainError)) throw e;
          result.errors.push({ line: row.line, message: e.message, ...(e.detail ?? { code: e.code }) });
        }
      }
    });
    return result;
  }

  private problemWith(row: ImportRow, seenPhones: Set<string>): ({ message: string } & ServerMessage) | null {
    if (!row.fullName) return { message: 'The name is missing', code: 'IMPORT_NAME_MISSING' };
    if (row.fullName.length > 200) return { message: 'The name is too long', code: 'IMPORT_NAME_TOO_LONG', params: { max: 200 } };
    if (!row.phone) return { message: 'The phone number is missing', code: 'IMPORT_PHONE_MISSING' };
    if (!/^\+?\d{9,15}$/.test(row.phone)) return { message: `"${row.phone}" is not a phone number (9–15 digits)`, code: 'IMPORT_PHONE_INVALID', params: { phone: row.phone } };
    if (seenPhones.has(row.phone)) return { message: `The phone number ${row.phone} appears twice in the file`, code: 'IMPORT_PHONE_TWICE', params: { phone: row.phone } };
    if (!row.role) return { message: `Unknown role "${row.roleText}" (use: đại biểu, chủ tọa, thư ký, khách mời)`, code: 'IMPORT_ROLE_UNKNOWN', params: { role: row.roleText } };
    return null;
  }

  /** "Nguyễn Văn An" → nguyen.van.an, then nguyen.van.an2 … */
  private async freeUsername(db: EntityManager, fullName: string): Promise<string> {
    const base = fold(fullName).replace(/[^a-z0-9 ]/g, '').trim().split(' ').filter(Boolean).join('.').slice(0, 40) || 'daibieu';
    for (let n = 1; ; n++) {
      const candidate = n === 1 ? base : `${base}${n}`;
      if (!(await usernameTaken(db, candidate))) return candidate;
    }
  }
}

/** A one-time password of 10 characters that read unambiguously on paper (no 0/o, 1/l/i). */
export function randomPassword(): string {
  const bytes = crypto.randomBytes(10);
  return Array.from(bytes, (b) => PASSWORD_ALPHABET[b % PASSWORD_ALPHABET.length]).join('');
}
