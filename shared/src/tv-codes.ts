import { z } from './zod';

/** Setting up the hall TV without typing a long link: a short one-time code shown on the console, typed on the TV's /tv page. */
export const TV_CODE_LENGTH = 6;
/** A code lives this long, and opens one display link once. */
export const TV_CODE_TTL_SECONDS = 10 * 60;
/** Wrong codes one address may type per minute before it is refused for a while. */
export const TV_CODE_FAILURES_PER_MINUTE = 10;

export const createTvCodeRequest = z.object({ label: z.string().trim().min(1).max(100).default('Màn hình hội trường') });
export type CreateTvCodeRequest = z.infer<typeof createTvCodeRequest>;

export interface TvCode {
  code: string;
  expiresAt: string;
}

export const redeemTvCodeRequest = z.object({
  /** Six digits, maybe typed as "123 456". */
  code: z.string().trim().regex(/^\d{3}[\s-]?\d{3}$/, 'Enter the 6-digit code'),
});
export type RedeemTvCodeRequest = z.infer<typeof redeemTvCodeRequest>;

/** The display link the code opened: the TV goes there. */
export interface RedeemedTvCode {
  url: string;
}
