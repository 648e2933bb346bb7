import { CERTIFICATE_FILE_FIELD, CERTIFICATE_PASSWORD_FIELD, type SigningCertificateStatus } from '@hopso/shared';
import { apiClient } from '../../../lib/api-client';

const path = (councilId: string) => `/api/councils/${encodeURIComponent(councilId)}/signing-certificate`;

export const signaturesApi = {
  certificate: (councilId: string) => apiClient.get<SigningCertificateStatus>(path(councilId)),
  uploadCertificate: (councilId: string, file: File, password: string) => {
    const form = new FormData();
    form.append(CERTIFICATE_FILE_FIELD, file, file.name);
    form.append(CERTIFICATE_PASSWORD_FIELD, password);
    return apiClient.put<SigningCertificateStatus>(path(councilId), form);
  },
  removeCertificate: (councilId: string) => apiClient.delete(path(councilId)),
};
