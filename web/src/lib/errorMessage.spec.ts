import { ERROR_CODES } from '@hopso/shared';
import { dictionaries } from '../i18n/dictionaries';
import { ApiError, NetworkError, toApiErrorBody } from './api-client';
import { errorMessage } from './errorMessage';

describe('errorMessage', () => {
  it.each(ERROR_CODES)('shows the Vietnamese text for %s', (code) => {
    const error = new ApiError({ statusCode: 400, code, message: 'english' });
    expect(errorMessage(error, dictionaries.vi)).toBe(dictionaries.vi.errors[code]);
  });

  it('explains a network failure', () => {
    expect(errorMessage(new NetworkError(), dictionaries.vi)).toBe(dictionaries.vi.common.networkError);
  });

  it('falls back for anything else', () => {
    expect(errorMessage(new Error('boom'), dictionaries.en)).toBe(dictionaries.en.common.unknownError);
  });
});

describe('toApiErrorBody', () => {
  it('reads an ApiErrorBody', () => {
    const body = toApiErrorBody(422, JSON.stringify({ statusCode: 422, code: 'FILE_ENCRYPTED', message: 'Encrypted' }));
    expect(body).toEqual({ statusCode: 422, code: 'FILE_ENCRYPTED', message: 'Encrypted' });
  });

  it('keeps field issues', () => {
    const body = toApiErrorBody(400, JSON.stringify({ code: 'VALIDATION_FAILED', message: 'Bad', issues: [{ path: 'title', message: 'Too short' }] }));
    expect(body.issues).toEqual([{ path: 'title', message: 'Too short' }]);
  });

  it('guesses a code from the status when the body is not ours', () => {
    expect(toApiErrorBody(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(toApiErrorBody(401, '').code).toBe('UNAUTHENTICATED');
    expect(toApiErrorBody(429, '{"message":"slow down"}').code).toBe('TOO_MANY_ATTEMPTS');
    expect(toApiErrorBody(400, '{"code":"SOMETHING_NEW","message":"x"}').code).toBe('VALIDATION_FAILED');
  });
});
