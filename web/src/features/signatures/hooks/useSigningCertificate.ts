import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signaturesApi } from '../api/signaturesApi';

export const signingCertificateKey = (councilId: string) => ['signing-certificate', councilId] as const;

/** The council's signing certificate (administrators only), with upload and removal. */
export function useSigningCertificate(councilId: string) {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: signingCertificateKey(councilId), queryFn: () => signaturesApi.certificate(councilId) });
  const upload = useMutation({
    mutationFn: ({ file, password }: { file: File; password: string }) => signaturesApi.uploadCertificate(councilId, file, password),
    onSuccess: (next) => queryClient.setQueryData(signingCertificateKey(councilId), next),
  });
  const remove = useMutation({
    mutationFn: () => signaturesApi.removeCertificate(councilId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: signingCertificateKey(councilId) }),
  });
  return { status, upload, remove };
}
