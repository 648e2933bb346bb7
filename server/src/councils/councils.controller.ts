import { Controller, Get, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import {
  createCouncilRequest,
  setCouncilStaffRequest,
  updateCouncilRequest,
  type CouncilDetail,
  type CouncilSummary,
  type CreateCouncilRequest,
  type SetCouncilStaffRequest,
  type UpdateCouncilRequest,
} from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { CouncilsService } from './councils.service';

@ApiTags('councils')
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @Get()
  list(@CurrentUser() caller: AuthUser): Promise<CouncilSummary[]> {
    return this.councils.list(caller);
  }

  @Post()
  create(@CurrentUser() caller: AuthUser, @ZodBody(createCouncilRequest) body: CreateCouncilRequest): Promise<CouncilSummary> {
    return this.councils.create(caller, body);
  }

  @Get(':id')
  get(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string): Promise<CouncilDetail> {
    return this.councils.get(caller, id);
  }

  @Patch(':id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateCouncilRequest) body: UpdateCouncilRequest): Promise<CouncilSummary> {
    return this.councils.update(caller, id, body);
  }

  @Put(':id/staff')
  setStaff(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(setCouncilStaffRequest) body: SetCouncilStaffRequest): Promise<CouncilDetail> {
    return this.councils.setStaff(caller, id, body.userIds);
  }
}
