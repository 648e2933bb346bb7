import { z } from './zod';
import { newPassword } from './passwords';

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9]{9,15}$/, 'Phone number must be 9–15 digits');

export const createUserRequest = z.object({
  username: z
    .string()
    .trim()
    .min(3, 'Username needs at least 3 characters')
    .max(50)
    .regex(/^[a-z0-9._-]+$/, 'Username may use a–z, 0–9, dot, dash and underscore'),
  fullName: z.string().trim().min(1, 'Enter the full name').max(200),
  phone: phone.nullish(),
  password: newPassword,
  isAdmin: z.boolean().default(false),
});
export type CreateUserRequest = z.infer<typeof createUserRequest>;

export const updateUserRequest = z.object({
  fullName: z.string().trim().min(1).max(200).optional(),
  phone: phone.nullish(),
  password: newPassword.optional(),
  isAdmin: z.boolean().optional(),
});
export type UpdateUserRequest = z.infer<typeof updateUserRequest>;

export interface UserSummary {
  id: string;
  username: string;
  fullName: string;
  phone: string | null;
  isAdmin: boolean;
}
