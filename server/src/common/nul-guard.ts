import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from './domain-error';

/** The path of the first string holding U+0000 in a request value ('' for the value itself), or null. */
export function findNul(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (value === null || typeof value !== 'object' || depth > 32) return null;
  for (const [key, v] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return at;
    const found = findNul(v, at, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** PostgreSQL text cannot hold U+0000 and no person types it: refused with its own code, wherever it is. */
export function nulError(path: string): DomainError {
  const message = 'The text holds an invalid (null) character';
  return new DomainError('NUL_CHARACTER', path ? `${path}: ${message}` : message, [{ path, message }]);
}

/**
 * Refuses U+0000 in the query and the JSON body of every request before any handler sees it.
 * Multipart fields are read later, by the upload interceptor; the zod pipe checks those.
 */
@Injectable()
export class NulGuard implements CanActivate {
  canActivate(ctx: ExecutionContext): boolean {
    if (ctx.getType() !== 'http') return true;
    const req = ctx.switchToHttp().getRequest<Request>();
    const found = findNul(req.query, 'query') ?? findNul(req.params, 'params') ?? findNul(req.body as unknown);
    if (found !== null) throw nulError(found);
    return true;
  }
}
