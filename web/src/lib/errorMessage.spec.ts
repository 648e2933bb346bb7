import { ERROR_CODES, SERVER_MESSAGE_CODES } from '@hopso/shared';
import { dictionaries } from '../i18n/dictionaries';
import { ApiError, NetworkError, toApiErrorBody } from './api-client';
import { errorMessage, serverMessageText } from './errorMessage';

describe('errorMessage', () => {
  it.each(ERROR_CODES)('shows the Vietnamese text for %s', (code) => {
    const error = new ApiError({ statusCode: 400, code, message: 'english' });
    expect(errorMessage(error, dictionaries.vi)).toBe(dictionaries.vi.errors[code]);
  });

  it('explains a network failure', () => {
    expect(errorMessage(new NetworkError(), dictionaries.vi)).toBe(dictionaries.vi.common.networkError);
  });

  it('words a detail by its code and parameters, never the English message', () => {
    const error = new ApiError({ statusCode: 400, code: 'NUL_CHARACTER', message: 'Line 7 holds an invalid (null) character', detail: { code: 'NUL_IN_LINE', params: { line: 7 } } });
    expect(errorMessage(error, dictionaries.vi)).toBe('Dòng 7 có ký tự không hợp lệ; hãy gõ lại dòng đó rồi nhập lại tệp.');
    expect(serverMessageText({ code: 'IMPORT_PHONE_TWICE', params: { phone: '0987654321' } }, dictionaries.vi)).toBe('Số điện thoại 0987654321 xuất hiện hai lần trong tệp.');
    expect(serverMessageText({ code: 'CONFLICT' }, dictionaries.vi)).toBe(dictionaries.vi.errors.CONFLICT);
  });

  it('has Vietnamese words for every server message code', () => {
    for (const code of SERVER_MESSAGE_CODES) expect(serverMessageText({ code, params: { max: 1, mb: 1, line: 1, phone: '1', role: 'x' } }, dictionaries.vi)).not.toMatch(/undefined/);
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

  it('keeps what the UI needs to word an issue and a detail, and drops what it cannot read', () => {
    const text = JSON.stringify({
      code: 'VALIDATION_FAILED',
      message: 'Bad',
      issues: [{ path: 'title', message: 'Too short', code: 'too_small', minimum: 3, origin: 'string', evil: { x: 1 } }],
      detail: { code: 'IMPORT_TOO_MANY_ROWS', params: { max: 2000, nested: { no: 1 } } },
    });
    const body = toApiErrorBody(400, text);
    expect(body.issues).toEqual([{ path: 'title', message: 'Too short', code: 'too_small', minimum: 3, origin: 'string' }]);
    expect(body.detail).toEqual({ code: 'IMPORT_TOO_MANY_ROWS', params: { max: 2000 } });
    expect(toApiErrorBody(400, JSON.stringify({ code: 'CONFLICT', message: 'x', detail: { code: 'NOT_A_CODE' } })).detail).toBeUndefined();
  });

  it('guesses a code from the status when the body is not ours', () => {
    expect(toApiErrorBody(502, '<html>Bad gateway</html>').code).toBe('INTERNAL');
    expect(toApiErrorBody(401, '').code).toBe('UNAUTHENTICATED');
    expect(toApiErrorBody(429, '{"message":"slow down"}').code).toBe('TOO_MANY_ATTEMPTS');
    expect(toApiErrorBody(400, '{"code":"SOMETHING_NEW","message":"x"}').code).toBe('VALIDATION_FAILED');
  });
});
