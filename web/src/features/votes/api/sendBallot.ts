import type { QueryClient } from '@tanstack/react-query';
import { ERROR_CODES, type BallotReceipt, type ErrorCode, type VoteChoice } from '@hopso/shared';
import { ApiError, NetworkError } from '../../../lib/api-client';
import { appLiveClient } from '../../live/lib/appLiveClient';
import { votesApi } from './votesApi';

const STATUS: Partial<Record<ErrorCode, number>> = { VALIDATION_FAILED: 400, NUL_CHARACTER: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NO_VOTING_RIGHT: 403, NOT_PRESENT: 403, NOT_FOUND: 404 };

/**
 * A ballot goes on the socket the phone already holds (an ack, no new HTTP request at the busiest
 * second of the day), else over REST. Sent at once or not at all: never queued offline. A lost ack
 * is a NetworkError, so the screen retries with the same client id and the ballot counts once.
 */
export async function sendBallot(queryClient: QueryClient, voteId: string, clientId: string, choice: VoteChoice): Promise<BallotReceipt> {
  const live = appLiveClient(queryClient).castBallot({ voteId, clientId, choice });
  if (!live) return votesApi.cast(voteId, clientId, choice);
  let res: Awaited<typeof live>;
  try {
    res = await live;
  } catch {
    throw new NetworkError('No answer to the ballot');
  }
  if (res.ok) return res.data;
  const code = (ERROR_CODES as readonly string[]).includes(res.error.code) ? (res.error.code as ErrorCode) : 'INTERNAL';
  throw new ApiError({ statusCode: STATUS[code] ?? (code === 'INTERNAL' ? 500 : 409), code, message: res.error.message });
}
