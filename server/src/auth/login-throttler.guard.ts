import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request } from 'express';

/** Counts login attempts per client address and per login name, so one office's NAT doesn't lock everyone out. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(req: Request): Promise<string> {
    const login = typeof req.body?.login === 'string' ? req.body.login.trim().toLowerCase() : '';
    return `${req.ip}|${login}`;
  }
}
