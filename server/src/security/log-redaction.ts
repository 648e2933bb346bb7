import type { IncomingMessage, ServerResponse } from 'node:http';

/** What pino-http hands the request serializer (pino-std-serializers' shape). */
interface SerializedRequest {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
  headers?: Record<string, unknown>;
  raw?: IncomingMessage;
}
interface SerializedResponse {
  statusCode?: number;
  raw?: ServerResponse;
}

export const REDACTED = '[redacted]';

/**
 * A URL fit for the log: the path, and the names of its query parameters without their values
 * (a search can be a private note's text, a hall link carries its token).
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const q = url.indexOf('?');
  if (q < 0) return url;
  const names = url
    .slice(q + 1)
    .split('&')
    .filter(Boolean)
    .map((pair) => `${pair.split('=')[0]}=${REDACTED}`);
  return `${url.slice(0, q)}?${names.join('&')}`;
}

/**
 * pino-http options for the request log: the method, the path, the status and the time; no query
 * values, no headers (so no cookies, bearer tokens or display tokens), no bodies. `redact` stays as a
 * second net for anything a later serializer lets through.
 */
export const requestLogOptions = {
  serializers: {
    req: (req: SerializedRequest) => ({
      id: req.id,
      method: req.method,
      url: redactUrl(req.url),
      remoteAddress: req.remoteAddress,
      userAgent: typeof req.headers?.['user-agent'] === 'string' ? req.headers['user-agent'] : undefined,
    }),
    res: (res: SerializedResponse) => ({ statusCode: res.statusCode }),
    // the error's own name, message and stack; not its enumerable extras (a failed query's parameters)
    err: (err: Error & { code?: unknown }) => ({ type: err?.name, message: err?.message, stack: err?.stack, code: typeof err?.code === 'string' ? err.code : undefined }),
  },
  redact: {
    paths: [
      'req.headers.authorization',
      'req.headers.cookie',
      'res.headers["set-cookie"]',
      'req.query',
      'req.body',
      '*.password',
      '*.passwordHash',
      '*.password_hash',
      '*.token',
      '*.displayToken',
    ],
    censor: REDACTED,
  },
};
