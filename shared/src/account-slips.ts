import { z } from './zod';

/**
 * POST /meetings/:id/password-resets: the secretariat gives some of its meeting's delegates new
 * one-time passwords (to print on account slips); their sessions end.
 */
export const resetPasswordsRequest = z.object({
  userIds: z.array(z.string().uuid('Unknown person')).min(1, 'Choose at least one person').max(500),
});
export type ResetPasswordsRequest = z.infer<typeof resetPasswordsRequest>;

/** One account slip (phiếu tài khoản): who, how to sign in, and the new password (shown once). */
export interface AccountSlip {
  userId: string;
  fullName: string;
  username: string;
  phone: string | null;
  oneTimePassword: string;
}

export interface ResetPasswordsResult {
  slips: AccountSlip[];
}
