import { Body, Param, PipeTransform, Query } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import type { ApiIssue } from '@hopso/shared';
import { DomainError } from './domain-error';
import { findNul, nulError } from './nul-guard';

/** Validates with the shared zod schema; problems become a 400 the person can act on. */
export class ZodPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}
  transform(value: unknown): z.infer<T> {
    const nul = findNul(value);
    if (nul !== null) throw nulError(nul);
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = result.error.issues.map(toApiIssue);
    throw new DomainError(
      'VALIDATION_FAILED',
      issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; '),
      issues,
    );
  }
}

/** A zod issue with what the UI needs to word it itself: its code, bounds and whether the field was missing. */
function toApiIssue(i: z.core.$ZodIssue): ApiIssue {
  const out: ApiIssue = { path: i.path.map(String).join('.'), message: i.message, code: i.code };
  const r = i as unknown as Record<string, unknown>;
  for (const key of ['minimum', 'maximum'] as const) if (typeof r[key] === 'number' || typeof r[key] === 'bigint') out[key] = Number(r[key]);
  for (const key of ['origin', 'format', 'expected'] as const) if (typeof r[key] === 'string') out[key] = r[key] as string;
  if (i.code === 'invalid_type' && /received (undefined|null)/.test(i.message)) out.missing = true;
  const params = r.params as Record<string, unknown> | undefined;
  if (typeof params?.reason === 'string') out.reason = params.reason;
  return out;
}

/** Request body validated by a shared schema, and documented in OpenAPI from the same schema. */
export function ZodBody<T extends z.ZodType>(schema: T): ParameterDecorator {
  return (target, key, index) => {
    Body(new ZodPipe(schema))(target, key, index);
    if (key !== undefined) {
      const descriptor = Object.getOwnPropertyDescriptor(target, key);
      if (descriptor) ApiBody({ schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as object })(target, key, descriptor);
    }
  };
}

const uuidSchema = z.string().uuid('Malformed identifier');

/** A route param that must be a uuid: a malformed id is a 400, not a database error. */
export const UuidParam = (name: string) => Param(name, new ZodPipe(uuidSchema));

export const ZodQuery = <T extends z.ZodType>(schema: T) => Query(new ZodPipe(schema));

