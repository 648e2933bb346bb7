import { ApiError, NetworkError } from './api-client';
import { networkRetry } from './networkRetry';

describe('networkRetry', () => {
  it('sends a write again when it got no answer, a few times, waiting longer each time', () => {
    expect(networkRetry.retry(0, new NetworkError())).toBe(true);
    expect(networkRetry.retry(4, new NetworkError())).toBe(true);
    expect(networkRetry.retry(5, new NetworkError())).toBe(false);
    expect(networkRetry.retryDelay(0)).toBeLessThan(networkRetry.retryDelay(2));
    expect(networkRetry.retryDelay(20)).toBe(15_000);
  });

  it('never repeats a refusal', () => {
    const refused = new ApiError({ statusCode: 403, code: 'COMMENTS_CLOSED', message: 'closed' });
    expect(networkRetry.retry(0, refused)).toBe(false);
  });
});
