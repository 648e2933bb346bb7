import { ERROR_CODES, isServerMessageCode, type ApiErrorBody, type ApiIssue, type ErrorCode, type ServerMessage, type ServerMessageParams } from '@hopso/shared';
import { earlyResponses } from './earlyResponses';

/** An error answered by /api: carries the server's ApiErrorBody so the UI can map `code` to its own text. */
export class ApiError extends Error {
  readonly body: ApiErrorBody;

  constructor(body: ApiErrorBody) {
    super(body.message);
    this.name = 'ApiError';
    this.body = body;
  }

  get code(): ErrorCode {
    return this.body.code;
  }

  get status(): number {
    return this.body.statusCode;
  }
}

/** The refusal a screen shows when the caller's role, known already, does not allow it. */
export function forbiddenError(): ApiError {
  return new ApiError({ statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden' });
}

/** The request never got an answer (offline, server down, aborted by the network). */
export class NetworkError extends Error {
  constructor(message = 'Network request failed') {
    super(message);
    this.name = 'NetworkError';
  }
}

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

function fallbackCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 429) return 'TOO_MANY_ATTEMPTS';
  if (status >= 400 && status < 500) return 'VALIDATION_FAILED';
  return 'INTERNAL';
}

/** Turns whatever an error response held into an ApiErrorBody (proxies and crashes don't always answer JSON). */
export function toApiErrorBody(status: number, text: string): ApiErrorBody {
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    parsed = null;
  }
  if (parsed !== null && typeof parsed === 'object') {
    const record = parsed as Record<string, unknown>;
    const code = isErrorCode(record.code) ? record.code : fallbackCode(status);
    const message = typeof record.message === 'string' ? record.message : `HTTP ${status}`;
    const issues = Array.isArray(record.issues) ? record.issues.filter((i): i is Record<string, unknown> => i !== null && typeof i === 'object').map(toApiIssue) : undefined;
    const detail = toServerMessage(record.detail);
    return { statusCode: status, code, message, ...(issues ? { issues } : {}), ...(detail ? { detail } : {}) };
  }
  return { statusCode: status, code: fallbackCode(status), message: text.slice(0, 200) || `HTTP ${status}` };
}

function toApiIssue(i: Record<string, unknown>): ApiIssue {
  const issue: ApiIssue = { path: String(i.path ?? ''), message: String(i.message ?? '') };
  for (const key of ['code', 'origin', 'format', 'expected', 'reason'] as const) if (typeof i[key] === 'string') issue[key] = i[key] as string;
  for (const key of ['minimum', 'maximum'] as const) if (typeof i[key] === 'number') issue[key] = i[key] as number;
  if (i.missing === true) issue.missing = true;
  return issue;
}

function toServerMessage(value: unknown): ServerMessage | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const { code, params } = value as { code?: unknown; params?: unknown };
  if (!isServerMessageCode(code) && !isErrorCode(code)) return undefined;
  const clean: ServerMessageParams = {};
  if (params !== null && typeof params === 'object') {
    for (const [k, v] of Object.entries(params)) if (typeof v === 'string' || typeof v === 'number') clean[k] = v;
  }
  return { code, params: clean };
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

const answerListeners = new Set<(answered: boolean) => void>();

/**
 * Called with `true` whenever the server answers any request (the connection works: the offline
 * outbox then sends what waits) and with `false` when a request got no answer at all.
 */
export function onServerAnswer(listener: (answered: boolean) => void): () => void {
  answerListeners.add(listener);
  return () => answerListeners.delete(listener);
}

interface RequestOptions {
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: Method, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') earlyResponses.dropAll();
  let response: Response;
  try {
    response = await ((method === 'GET' && earlyResponses.take(path)) || fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal }));
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    for (const listener of answerListeners) listener(false);
    throw new NetworkError(error instanceof Error ? error.message : undefined);
  }
  for (const listener of answerListeners) listener(true);
  if (!response.ok) {
    throw new ApiError(toApiErrorBody(response.status, await response.text().catch(() => '')));
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Typed JSON client for /api. Relative URLs: the server serves the web app on the same origin. */
export const apiClient = {
  get: <T>(path: string, signal?: AbortSignal) => request<T>('GET', path, { signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

export interface UploadHandle<T> {
  promise: Promise<T>;
  abort: () => void;
}

/**
 * Multipart upload with progress. fetch() cannot report upload progress, so this one uses XMLHttpRequest.
 * `onProgress` receives 0–100.
 */
export function uploadWithProgress<T>(path: string, form: FormData, onProgress: (percent: number) => void): UploadHandle<T> {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolvePromise, reject) => {
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(100);
        try {
          resolvePromise((xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T);
        } catch {
          reject(new ApiError(toApiErrorBody(500, xhr.responseText)));
        }
      } else {
        reject(new ApiError(toApiErrorBody(xhr.status, xhr.responseText)));
      }
    };
    xhr.onerror = () => reject(new NetworkError());
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
