import { useMutation } from '@tanstack/react-query';
import type { ChangePasswordRequest } from '@hopso/shared';
import { authApi } from '../api/authApi';

/** The signed-in person's own password; the server ends their other sessions. */
export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordRequest) => authApi.changePassword(body) });
}
