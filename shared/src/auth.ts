import { z } from './zod';

export const loginRequest = z.object({
  /** Username or phone number. */
  login: z.string().trim().min(1, 'Enter your username or phone number').max(100),
  password: z.string().min(1, 'Enter your password').max(200),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export interface CurrentUser {
  id: string;
  username: string;
  phone: string | null;
  fullName: string;
  isAdmin: boolean;
  /** Councils whose secretariat this user belongs to: they may create meetings there. */
  staffOfCouncilIds: string[];
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  user: CurrentUser;
}

/** Session cookie name; the API accepts this cookie or `Authorization: Bearer <token>`. */
export const SESSION_COOKIE = 'hopso_session';
