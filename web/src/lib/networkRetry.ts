import { NetworkError } from './api-client';

/**
 * Mutation retry options for writes that carry a client-generated id: a request that got no answer
 * is sent again with the same body (the same id), so the server stores it once however often it
 * arrives. A refusal (4xx) is final and is not repeated.
 */
export const networkRetry = {
  retry: (failureCount: number, error: unknown) => error instanceof NetworkError && failureCount < 5,
  retryDelay: (attempt: number) => Math.min(1000 * 2 ** attempt, 15_000),
} as const;
