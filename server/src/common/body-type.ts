import type { ErrorRequestHandler, NextFunction, Request, Response } from 'express';
import { DomainError } from './domain-error';

/** The body types the API reads: JSON, HTML forms and multipart uploads. */
const READABLE = ['application/json', 'application/*+json', 'application/x-www-form-urlencoded', 'multipart/form-data'];

/**
 * Refuses an API request that carries a body of a type no route reads (text/plain, XML…) with 415
 * UNSUPPORTED_MEDIA_TYPE, before any parser or handler runs: left through, the body would be
 * skipped and the route would answer with field errors about a body the client did send.
 * Socket.IO's long-polling posts text and is not under /api.
 */
export function refuseUnreadableBodies(req: Request, _res: Response, next: NextFunction): void {
  if (!req.path.startsWith('/api/') || !hasBody(req) || req.is(READABLE)) return next();
  next(new DomainError('UNSUPPORTED_MEDIA_TYPE', `The API reads JSON bodies (Content-Type: application/json); this request sent ${req.headers['content-type'] ? `"${req.headers['content-type']}"` : 'no Content-Type'}`));
}

function hasBody(req: Request): boolean {
  return req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
}

/**
 * An error handler right after the JSON and form body parsers: their errors become DomainErrors with
 * stable codes before Nest sees them (Nest turns a JSON SyntaxError into a 400 carrying the parser's
 * words, which quote the body back).
 */
export function translateBodyErrors(maxBodyBytes: number): ErrorRequestHandler {
  return (e: unknown, _req, _res, next) => next(bodyReadError(e, maxBodyBytes));
}

/** What body-parser's errors (http-errors with a `type`) mean to the client, by type. */
function bodyReadError(e: unknown, maxBodyBytes: number): unknown {
  const type = typeof e === 'object' && e !== null ? (e as { type?: unknown }).type : undefined;
  switch (type) {
    case 'entity.too.large':
    case 'parameters.too.many':
      return new DomainError('BODY_TOO_LARGE', `The request is larger than the ${Math.round(maxBodyBytes / 1024)} KB limit`);
    case 'entity.parse.failed':
      return new DomainError('MALFORMED_JSON', 'The request body is not valid JSON');
    case 'charset.unsupported':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The request body must be sent in UTF-8');
    case 'encoding.unsupported':
      return new DomainError('UNSUPPORTED_MEDIA_TYPE', 'The request body uses a Content-Encoding the server does not read (send it uncompressed, or gzip, deflate or br)');
    case 'request.aborted':
    case 'request.size.invalid':
      return new DomainError('VALIDATION_FAILED', 'The request body did not arrive whole');
    default:
      return e; // not the client's: logged and answered 500 by the filter
  }
}
