import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ThrottlerModule } from '@nestjs/throttler';
import { loadConfig } from '../config';
import { CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { SessionEntity } from './session.entity';

const { loginRateLimit } = loadConfig();

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, SessionEntity, CouncilStaffEntity]),
    ThrottlerModule.forRoot([{ ttl: loginRateLimit.windowMs, limit: loginRateLimit.limit }]),
  ],
  controllers: [AuthController],
  providers: [AuthService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
