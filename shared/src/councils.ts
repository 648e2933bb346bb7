import { z } from './zod';
import type { UserSummary } from './users';

export const COUNCIL_LEVELS = ['province', 'commune'] as const;
export type CouncilLevel = (typeof COUNCIL_LEVELS)[number];

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** An IANA time zone this runtime knows ("Asia/Ho_Chi_Minh"). */
export const isTimeZone = (value: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
};

export const createCouncilRequest = z.object({
  name: z.string().trim().min(3, 'Council name needs at least 3 characters').max(200),
  level: z.enum(COUNCIL_LEVELS),
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'Unknown time zone').default(DEFAULT_TIME_ZONE),
});
export type CreateCouncilRequest = z.infer<typeof createCouncilRequest>;

export const updateCouncilRequest = z.object({
  name: createCouncilRequest.shape.name.optional(),
  level: createCouncilRequest.shape.level.optional(),
  timeZone: z.string().trim().max(64).refine(isTimeZone, 'Unknown time zone').optional(),
});
export type UpdateCouncilRequest = z.infer<typeof updateCouncilRequest>;

/** Council secretariat: users who may create and prepare meetings of this council. */
export const setCouncilStaffRequest = z.object({ userIds: z.array(z.string().uuid()).max(100) });
export type SetCouncilStaffRequest = z.infer<typeof setCouncilStaffRequest>;

export interface CouncilSummary {
  id: string;
  name: string;
  level: CouncilLevel;
  /** Every date of this council is shown and printed in it. */
  timeZone: string;
}

export interface CouncilDetail extends CouncilSummary {
  staff: UserSummary[];
}
