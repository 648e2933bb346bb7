import { Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { createUserRequest, updateUserRequest, type CreateUserRequest, type UpdateUserRequest, type UserSummary } from '@hopso/shared';
import { CurrentUser, type AuthUser } from '../auth/auth-user';
import { UuidParam, ZodBody } from '../common/zod';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  search(@CurrentUser() caller: AuthUser, @Query('q') q?: string): Promise<UserSummary[]> {
    return this.users.search(caller, typeof q === 'string' ? q.slice(0, 100) : undefined);
  }

  @Post()
  create(@CurrentUser() caller: AuthUser, @ZodBody(createUserRequest) body: CreateUserRequest): Promise<UserSummary> {
    return this.users.create(caller, body);
  }

  @Patch(':id')
  update(@CurrentUser() caller: AuthUser, @UuidParam('id') id: string, @ZodBody(updateUserRequest) body: UpdateUserRequest): Promise<UserSummary> {
    return this.users.update(caller, id, body);
  }
}
