import { Controller, Delete, Get, HttpCode, Patch, Post, Put, UploadedFile, UseInterceptors } from '@nestjs/common';
import { DeleteUploadsAfter, StreamedUploads } from '../common/upload-files';
import { UploadRequires } from './upload-access.guard';
import { ApiConsumes, ApiTags } from '@nestjs/swagger';
import {
  addParticipantRequest,
  changeMeetingStatusRequest,
  changeParticipantRoleRequest,
  createAgendaItemRequest,
  createMeetingRequest,
  reorderAgendaRequest,
  setCurrentItemRequest,
  updateAgendaItemRequest,
  updateMeetingRequest,
  type AddParticipantRequest,
  type AgendaItem,
  type AuditEntry,
  type ChangeMeetingStatusRequest,
  type ChangeParticipantRoleRequest,
  type CreateAgendaItemRequest,
  type CreateMeetingRequest,
  type MeetingDetail,
  type MeetingSummary,
  type Participant,
  type ParticipantImportResult,
  type ReorderAgendaRequest,
  type SetCurrentItemRequest,
  type UpdateAgendaItemRequest,
  type UpdateMeetingRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { UuidParam, ZodBody } from '../common/zod';
import { AgendaService } from './agenda.service';
import { MeetingAccessService } from './meeting-access.service';
import { MeetingsService } from './meetings.service';
import { ParticipantImportService } from './participant-import.service';
import { ParticipantsService } from './participants.service';

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
    private readonly participants: ParticipantsService,
    private readonly importer: ParticipantImportService,
    private readonly access: MeetingAccessService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  list(@CurrentUser() caller: AuthUser): Promise<MeetingSummary[]> {
    return this.meetings.listMine(caller);
  }

  @Post()
  create(@CurrentUser() caller: AuthUser, @ZodBody(createMeetingRequest) body: CreateMeetingRequest): Promise<MeetingDetail> {
    return this.meetings.create(caller, body);
  }

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<MeetingDetail> {
    return this.meetings.get(caller, id);
  }

  @Patch(':id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateMeetingRequest) body: UpdateMeetingRequest): Promise<MeetingDetail> {
    return this.meetings.update(caller, id, body);
  }

  @Post(':id/status')
  @HttpCode(200)
  changeStatus(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(changeMeetingStatusRequest) body: ChangeMeetingStatusRequest): Promise<MeetingDetail> {
    return this.meetings.changeStatus(caller, id, body);
  }

  @Post(':id/current-item')
  @HttpCode(200)
  setCurrentItem(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(setCurrentItemRequest) body: SetCurrentItemRequest): Promise<MeetingDetail> {
    return this.meetings.setCurrentItem(caller, id, body.agendaItemId);
  }

  @Post(':id/agenda')
  addAgendaItem(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(createAgendaItemRequest) body: CreateAgendaItemRequest): Promise<AgendaItem> {
    return this.agenda.create(caller, id, body);
  }

  @Put(':id/agenda/order')
  reorderAgenda(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(reorderAgendaRequest) body: ReorderAgendaRequest): Promise<AgendaItem[]> {
    return this.agenda.reorder(caller, id, body.itemIds);
  }

  @Patch(':id/agenda/:itemId')
  updateAgendaItem(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('itemId') itemId: string,
    @ZodBody(updateAgendaItemRequest) body: UpdateAgendaItemRequest,
  ): Promise<AgendaItem> {
    return this.agenda.update(caller, id, itemId, body);
  }

  @Delete(':id/agenda/:itemId')
  @HttpCode(204)
  removeAgendaItem(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UuidParam('itemId') itemId: string): Promise<void> {
    return this.agenda.remove(caller, id, itemId);
  }

  @Get(':id/participants')
  listParticipants(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<Participant[]> {
    return this.participants.list(caller, id);
  }

  @Post(':id/participants')
  addParticipant(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(addParticipantRequest) body: AddParticipantRequest): Promise<Participant[]> {
    return this.participants.add(caller, id, body);
  }

  @Post(':id/participants/import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @UploadRequires('participants.write')
  @UseInterceptors(DeleteUploadsAfter, StreamedUploads('file', 'single', { fileSize: 5 * 1024 * 1024, files: 1 }))
  importParticipants(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UploadedFile() file?: Express.Multer.File): Promise<ParticipantImportResult> {
    return this.importer.import(caller, id, file);
  }

  @Patch(':id/participants/:userId')
  changeRole(
    @CurrentUser() caller: AuthUser,
    @UuidParam('id') id: string,
    @UuidParam('userId') userId: string,
    @ZodBody(changeParticipantRoleRequest) body: ChangeParticipantRoleRequest,
  ): Promise<Participant[]> {
    return this.participants.changeRole(caller, id, userId, body.role);
  }

  @Delete(':id/participants/:userId')
  @HttpCode(204)
  removeParticipant(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @UuidParam('userId') userId: string): Promise<void> {
    return this.participants.remove(caller, id, userId);
  }

  @Get(':id/audit')
  async auditLog(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<AuditEntry[]> {
    await this.access.require(caller, id, 'audit.read');
    return this.audit.listForMeeting(id);
  }
}
