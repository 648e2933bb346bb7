import { Logger } from '@nestjs/common';
import type { LoggerService } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { QuietTypeOrmLogger } from '../database/quiet-typeorm-logger';
import { redactUrl, requestLogOptions } from './log-redaction';

describe('the request log', () => {
  it('keeps the path and the names of query parameters, never their values', () => {
    expect(redactUrl('/api/hall/1b2c?token=abc123')).toBe('/api/hall/1b2c?token=[redacted]');
    expect(redactUrl('/api/meetings/x/comments?q=ghi%20chu&status=sent')).toBe('/api/meetings/x/comments?q=[redacted]&status=[redacted]');
    expect(redactUrl('/api/health')).toBe('/api/health');
  });

  it('serializes a request without its headers and an error without its extra fields', () => {
    const req = requestLogOptions.serializers.req({ id: 1, method: 'GET', url: '/api/x?q=bí mật', headers: { cookie: 'hopso_session=t', authorization: 'Bearer t', 'user-agent': 'UA' } });
    expect(req).toEqual({ id: 1, method: 'GET', url: '/api/x?q=[redacted]', remoteAddress: undefined, userAgent: 'UA' });
    const failed = Object.assign(new Error('duplicate key'), { parameters: ['$argon2id$v=19$…'], query: 'INSERT INTO users …' });
    expect(JSON.stringify(requestLogOptions.serializers.err(failed))).not.toContain('argon2');
  });
});

describe('the database log', () => {
  it('names the failed query but not the values bound to it', () => {
    const lines: string[] = [];
    const sink: LoggerService = { log: (m) => lines.push(String(m)), error: (m) => lines.push(String(m)), warn: (m) => lines.push(String(m)) };
    // (jest gives each test file its own modules, so the override ends with this file)
    Logger.overrideLogger(sink);
    const logger: TypeOrmLogger = new QuietTypeOrmLogger();
    logger.logQueryError(new Error('value too long'), 'INSERT INTO users (password_hash) VALUES ($1)', ['$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA']);
    expect(lines.join('\n')).toContain('INSERT INTO users');
    expect(lines.join('\n')).toContain('value too long');
    expect(lines.join('\n')).not.toContain('$argon2');
  });
});
