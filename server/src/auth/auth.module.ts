import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CouncilStaffEntity } from '../councils/council.entity';
import { UserEntity } from '../users/user.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginLimiterService } from './login-limiter.service';
import { SessionEntity } from './session.entity';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, SessionEntity, CouncilStaffEntity])],
  controllers: [AuthController],
  providers: [AuthService, LoginLimiterService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService],
})
export class AuthModule {}
