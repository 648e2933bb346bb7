import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../config';
import { DomainError } from '../common/domain-error';
import { countLoginFailures, deleteOldLoginFailures, insertLoginFailure } from './auth.repository';

/**
 * Login budgets: failed attempts per account, whether the username or the phone number was typed,
 * and per client address across all accounts. A success costs nothing, so colleagues behind one
 * office's NAT are not locked out by each other's logins.
 */
@Injectable()
export class LoginLimiterService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  /** Throws TOO_MANY_ATTEMPTS when either budget is spent; `accountKey` is the user's id, or the typed login for an unknown one. */
  async assertBudget(accountKey: string, address: string): Promise<void> {
    const { loginRateLimit: perAccount, loginAddressLimit: perAddress } = this.config;
    const row = await countLoginFailures(this.db, accountKey, address, perAccount.windowMs / 1000, perAddress.windowMs / 1000);
    if (row.account >= perAccount.limit || row.address >= perAddress.limit) {
      throw new DomainError('TOO_MANY_ATTEMPTS', 'Too many attempts. Wait a minute and try again.');
    }
  }

  async recordFailure(accountKey: string, address: string): Promise<void> {
    await insertLoginFailure(this.db, accountKey, address);
    // the table only ever needs the last window: old rows go as new ones come
    await deleteOldLoginFailures(this.db);
  }
}
