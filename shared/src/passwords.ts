import { z } from './zod';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Passwords long enough for the length rule that every guessing list still tries first (the top of
 * the public leaked-password lists, keyboard walks, and the Vietnamese ones offices hand out).
 * Compared without case, spaces and the usual separators.
 */
const COMMON_PASSWORDS = new Set([
  '1234567890', '0123456789', '12345678910', '123456789a', '123456789q', '1234567890a', '0987654321', '9876543210',
  '1111111111', '0000000000', '1234512345', '1122334455', '1212121212', '1231231231', '123123123123', '147258369',
  '1472583690', '1234554321', '1234567899', '12345678900', '123456789123', '123654789', '159753159753',
  'qwertyuiop', 'qwerty1234', 'qwerty12345', 'qwerty123456', '1qaz2wsx3edc', '1q2w3e4r5t', '1q2w3e4r5t6y', 'qazwsxedc123',
  'asdfghjkl1', 'zxcvbnm123', 'asdfghjkl;', 'qwertyuiop123', 'abcd123456', 'abc1234567', 'abcdefghij', 'abcdef1234',
  'a123456789', 'aa12345678', 'password12', 'password123', 'password1234', 'password!1', 'passw0rd123', 'p@ssw0rd123',
  'iloveyou12', 'iloveyou123', 'iloveyou1234', 'sunshine123', 'princess123', 'football123', 'baseball123', 'welcome123',
  'welcome1234', 'admin12345', 'admin123456', 'administrator', 'administrator1', 'letmein123', 'monkey12345',
  'dragon12345', 'changeme123', 'trustno1234', 'superman123', 'computer123', 'internet123', 'starwars123',
  'matkhau123', 'matkhau1234', 'matkhau12345', 'matkhaumoi', 'matkhaumoi1', 'matkhau2024', 'matkhau2025', 'matkhau2026',
  'anhyeuem123', 'anhyeuem1234', 'emyeuanh123', 'yeuemnhieu', 'vietnam123', 'vietnam1234', 'vietnam2024', 'vietnam2025',
  'hanoi12345', 'saigon1234', 'hopso12345', 'hopso123456', 'hopso2026a', 'hoidong123', 'hoidong2026', 'daibieu123',
  'daibieu2026', 'thuky12345', 'hdnd123456', 'hdnd2026hdnd', 'ubnd123456', 'khonggiay1', 'hopkhonggiay',
]);

/** Runs people type without thinking: along the digits (wrapping), the alphabet, the keyboard's rows and columns. */
const RUNS = ['01234567890123456789', 'abcdefghijklmnopqrstuvwxyz', 'qwertyuiopasdfghjklzxcvbnm', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p'];

/** A short unit repeated ("aaaaaaaaaa", "abcabcabcabc"), or a stretch of one of RUNS, forwards or backwards. */
function isTrivialPattern(password: string): boolean {
  if (/^(.{1,3})\1{2,}.{0,2}$/.test(password)) return true;
  return RUNS.some((run) => run.includes(password) || [...run].reverse().join('').includes(password));
}

export function isCommonPassword(password: string): boolean {
  const folded = password.toLowerCase().replace(/[\s._-]+/g, '');
  return COMMON_PASSWORDS.has(folded) || isTrivialPattern(folded);
}

/**
 * The one password rule: at least PASSWORD_MIN_LENGTH characters and not a common password. The
 * server validates with it and the web form shows its issues in Vietnamese (web/src/lib/formErrors.ts
 * reads `params.reason`).
 */
export const newPassword = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Password needs at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH)
  .refine((p) => !isCommonPassword(p), { message: 'This password is too common; choose another', params: { reason: 'commonPassword' } });

export const changePasswordRequest = z.object({
  currentPassword: z.string().min(1, 'Enter your current password').max(PASSWORD_MAX_LENGTH),
  newPassword,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;
