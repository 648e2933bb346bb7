import { z } from './zod';
import type { UserSummary } from './users';

export const COUNCIL_LEVELS = ['province', 'commune'] as const;
export type CouncilLevel = (typeof COUNCIL_LEVELS)[number];

export const createCouncilRequest = z.object({
  name: z.string().trim().min(3, 'Council name needs at least 3 characters').max(200),
  level: z.enum(COUNCIL_LEVELS),
});
export type CreateCouncilRequest = z.infer<typeof createCouncilRequest>;

export const updateCouncilRequest = createCouncilRequest.partial();
export type UpdateCouncilRequest = z.infer<typeof updateCouncilRequest>;

/** Council secretariat: users who may create and prepare meetings of this council. */
export const setCouncilStaffRequest = z.object({ userIds: z.array(z.string().uuid()).max(100) });
export type SetCouncilStaffRequest = z.infer<typeof setCouncilStaffRequest>;

export interface CouncilSummary {
  id: string;
  name: string;
  level: CouncilLevel;
}

export interface CouncilDetail extends CouncilSummary {
  staff: UserSummary[];
}
