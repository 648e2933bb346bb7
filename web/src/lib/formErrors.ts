import type { ApiIssue } from '@hopso/shared';
import type { Dictionary } from '../i18n/vi';

/** The parts of a zod issue this module reads (kept structural so web needs no direct zod import). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  format?: string;
  expected?: string;
  input?: unknown;
  params?: Record<string, unknown>;
}

export type FieldErrors = Partial<Record<string, string>>;

function lastKey(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return typeof last === 'symbol' ? '' : String(last ?? '');
}

/** Vietnamese/English text for one validation issue (the schemas' own messages are English). */
export function issueMessage(issue: IssueLike, t: Dictionary): string {
  const v = t.validation;
  const field = lastKey(issue.path);
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum ?? 0);
      if (issue.origin === 'string') return min <= 1 ? v.required : v.tooShort(min);
      if (issue.origin === 'number' || issue.origin === 'int') return v.tooSmall(min);
      return v.required;
    }
    case 'too_big': {
      const max = Number(issue.maximum ?? 0);
      if (issue.origin === 'string') return v.tooLong(max);
      return v.tooBig(max);
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return v.invalidDateTime;
      if (issue.format === 'uuid') return v.invalidChoice;
      if (field === 'phone') return v.invalidPhone;
      if (field === 'username') return v.invalidUsername;
      return v.invalid;
    case 'invalid_type':
      if (issue.input === undefined || issue.input === null || issue.input === '') return v.required;
      if (issue.expected === 'number' || issue.expected === 'int') return v.invalidNumber;
      return v.invalid;
    case 'invalid_value':
      return v.invalidChoice;
    case 'custom':
      if (issue.params?.reason === 'commonPassword') return v.commonPassword;
      if (field === 'commentDeadline') return v.deadlineBeforeRelease;
      // a schema's own message is English: never shown to the person
      return v.invalid;
    default:
      return v.invalid;
  }
}

/** The parts of an API issue (ApiIssue, with its dotted path) as the IssueLike issueMessage reads. */
export function apiIssueLike(issue: ApiIssue): IssueLike {
  return {
    code: issue.code ?? (issue.missing ? 'invalid_type' : 'custom'),
    path: issue.path ? issue.path.split('.') : [],
    message: issue.message,
    minimum: issue.minimum,
    maximum: issue.maximum,
    origin: issue.origin,
    format: issue.format,
    expected: issue.expected,
    input: issue.missing ? undefined : '?',
    params: issue.reason ? { reason: issue.reason } : undefined,
  };
}

/** First message per field, keyed by the dotted path ("commentDeadline", "agenda.0.title"). */
export function fieldErrors(issues: readonly IssueLike[], t: Dictionary): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.filter((p): p is string | number => typeof p !== 'symbol').join('.');
    if (out[key] === undefined) out[key] = issueMessage(issue, t);
  }
  return out;
}
