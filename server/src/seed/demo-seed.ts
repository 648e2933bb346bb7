import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MeetingRole } from '@hopso/shared';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService } from '../documents/documents.service';
import { insertAgendaItem } from '../meetings/agenda.repository';
import type { UserEntity } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { DEMO_DOCUMENTS } from './demo-pdfs';
import { seedDemoQuestions } from './demo-questions';
import {
  countAllUsers,
  insertCouncilStaff,
  insertDemoCouncil,
  insertDemoMeeting,
  insertParticipants,
  insertSitting,
  setCouncilSeats,
  usernameExists,
} from './demo.repository';

export const DEMO_PASSWORD = 'hopso2026';
export const DEMO_COUNCIL = 'Hội đồng nhân dân xã Yên Hòa';

interface DemoPerson {
  username: string;
  fullName: string;
  phone: string;
  role: MeetingRole | 'admin';
  unit?: string;
}

const DELEGATE_NAMES = [
  'Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Đức',
  'Vũ Thị Hà', 'Đặng Văn Hải', 'Bùi Thị Hạnh', 'Đỗ Văn Hùng', 'Hồ Thị Lan',
  'Ngô Văn Long', 'Dương Thị Mai', 'Lý Văn Nam', 'Sầm Thị Nga', 'Lò Văn Phúc',
  'Hà Thị Quyên', 'Lục Văn Sơn', 'Nông Thị Thảo', 'Vi Văn Toàn', 'Mạc Thị Yến',
  'Triệu Văn Vinh', 'Chu Thị Xuân',
];

export const DEMO_PEOPLE: DemoPerson[] = [
  { username: 'admin', fullName: 'Quản trị viên hệ thống', phone: '0912000000', role: 'admin' },
  { username: 'chutoa', fullName: 'Nguyễn Văn Thắng', phone: '0912000001', role: 'chair', unit: 'Chủ tịch HĐND xã' },
  { username: 'thuky1', fullName: 'Trần Thị Hoa', phone: '0912000002', role: 'secretary', unit: 'Văn phòng HĐND và UBND xã' },
  { username: 'thuky2', fullName: 'Lê Minh Tuấn', phone: '0912000003', role: 'secretary', unit: 'Văn phòng HĐND và UBND xã' },
  ...DELEGATE_NAMES.map((fullName, i) => ({
    username: `daibieu${String(i + 1).padStart(2, '0')}`,
    fullName,
    phone: `09130000${String(i + 1).padStart(2, '0')}`,
    role: 'delegate' as const,
    unit: `Tổ đại biểu số ${(i % 4) + 1}`,
  })),
  { username: 'khachmoi', fullName: 'Phạm Quốc Khánh', phone: '0912000009', role: 'observer', unit: 'Ủy ban MTTQ Việt Nam xã' },
  { username: 'chutichubnd', fullName: 'Đinh Công Minh', phone: '0912000010', role: 'official', unit: 'Chủ tịch UBND xã' },
];

export interface SeededDemo {
  councilName: string;
  logins: { role: string; username: string; fullName: string }[];
}

const ROLE_LABEL: Record<DemoPerson['role'], string> = {
  admin: 'quản trị viên',
  chair: 'chủ tọa',
  secretary: 'thư ký',
  delegate: 'đại biểu',
  observer: 'khách mời',
  official: 'người trả lời chất vấn',
};

function loginsToPrint(): SeededDemo['logins'] {
  const shown = DEMO_PEOPLE.filter((p) => p.role !== 'delegate').concat(DEMO_PEOPLE.filter((p) => p.role === 'delegate').slice(0, 3));
  return shown.map((p) => ({ role: ROLE_LABEL[p.role], username: p.username, fullName: p.fullName }));
}

/**
 * Seeds one commune People's Council with an upcoming session on the first start
 * of an empty database. Documents go through the real upload path and ingest queue.
 */
export async function seedDemoIfEmpty(app: INestApplication, now = new Date()): Promise<SeededDemo | null> {
  const db = app.get(DataSource);
  if ((await countAllUsers(db)) > 0) {
    return (await usernameExists(db, 'admin')) && (await usernameExists(db, 'thuky1'))
      ? { councilName: DEMO_COUNCIL, logins: loginsToPrint() }
      : null;
  }
  const usersService = app.get(UsersService);
  const created = new Map<string, UserEntity>();
  for (const p of DEMO_PEOPLE) {
    created.set(
      p.username,
      await usersService.createAccount({ username: p.username, fullName: p.fullName, phone: p.phone, password: DEMO_PASSWORD, isAdmin: p.role === 'admin' }),
    );
  }
  const councilId = await insertDemoCouncil(db, DEMO_COUNCIL, 'commune');
  await insertCouncilStaff(
    db,
    councilId,
    ['thuky1', 'thuky2', 'chutoa'].map((u) => created.get(u)!.id),
  );

  // the session is tomorrow at 08:30 in Vietnam (UTC+7, no daylight saving), its documents released today
  const day = 24 * 3600_000;
  const vietnam = 7 * 3600_000;
  const todayInVietnam = Math.floor((now.getTime() + vietnam) / day) * day - vietnam;
  const startsAt = new Date(todayInVietnam + day + 8.5 * 3600_000);
  const releaseAt = new Date(Math.max(todayInVietnam, now.getTime() - 3600_000));
  // comments and written questions until an hour before it opens (at least 7.5 hours from the first start)
  const deadline = new Date(startsAt.getTime() - 3600_000);
  const meetingId = await insertDemoMeeting(db, {
    councilId,
    title: 'Kỳ họp thứ mười hai, HĐND xã Yên Hòa khóa XXI, nhiệm kỳ 2021–2026',
    kind: 'session',
    status: 'published',
    location: 'Hội trường UBND xã Yên Hòa',
    startsAt,
    releaseAt,
    commentDeadline: deadline,
  });
  await insertParticipants(
    db,
    meetingId,
    DEMO_PEOPLE.filter((p) => p.role !== 'admin').map((p) => ({
      userId: created.get(p.username)!.id,
      role: p.role as MeetingRole,
      unit: p.unit ?? '',
    })),
  );

  // session day: the seats (chair and delegates vote), the first sitting ready to open
  const seats = DEMO_PEOPLE.filter((p) => p.role === 'chair' || p.role === 'delegate').length;
  await setCouncilSeats(db, councilId, seats);
  await insertSitting(db, meetingId, 1, 'Phiên khai mạc', String(1000 + Math.floor(Math.random() * 9000)));

  const agendaTitles = [...new Set(DEMO_DOCUMENTS.map((d) => d.agendaItemTitle))];
  const agendaIds = new Map<string, string>();
  const openingItems = ['Khai mạc kỳ họp; thông qua chương trình kỳ họp'];
  const allItems = [...openingItems, ...agendaTitles, 'Bế mạc kỳ họp'];
  for (const [i, title] of allItems.entries()) {
    const item = await insertAgendaItem(db, {
      meetingId,
      position: i + 1,
      title,
      description: '',
      presenter: i === 0 || i === allItems.length - 1 ? 'Chủ tọa kỳ họp' : 'Đại diện UBND xã',
      plannedMinutes: i === 0 || i === allItems.length - 1 ? 15 : 45,
    });
    agendaIds.set(title, item.id);
  }

  const secretary = created.get('thuky1')!;
  const asSecretary: AuthUser = { id: secretary.id, username: secretary.username, fullName: secretary.fullName, isAdmin: false, sessionId: 'seed' };
  const documents = app.get(DocumentsService);
  for (const d of DEMO_DOCUMENTS) {
    // uploads arrive as temporary files; the seed's do too
    const file = path.join(os.tmpdir(), `hopso-seed-${crypto.randomUUID()}.pdf`);
    const data = await d.build();
    await fs.writeFile(file, data);
    try {
      await documents.upload(asSecretary, meetingId, [{ originalName: d.fileName, path: file, size: data.length }], agendaIds.get(d.agendaItemTitle) ?? null, d.title, 'released');
    } finally {
      await fs.rm(file, { force: true });
    }
  }
  await seedDemoQuestions(db, meetingId, (u) => created.get(u)!.id, deadline);
  return { councilName: DEMO_COUNCIL, logins: loginsToPrint() };
}
