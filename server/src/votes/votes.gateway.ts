import { Logger } from '@nestjs/common';
import { OnGatewayConnection, WebSocketGateway } from '@nestjs/websockets';
import { castBallotPayload, type Ack, type BallotReceipt } from '@hopso/shared';
import { SessionsService } from '../auth/sessions.service';
import { DomainError } from '../common/domain-error';
import { findNul, nulError } from '../common/nul-guard';
import type { HopsoSocket } from '../realtime/socket-types';
import { BallotsService } from './ballots.service';

/**
 * Ballots over the socket the phone already holds: `vote:cast` answered by an ack (the receipt or an
 * error a person can act on). It shares the one Socket.IO server and its handshake authentication
 * with the realtime gateway; display links cannot vote.
 */
@WebSocketGateway()
export class VotesGateway implements OnGatewayConnection {
  private readonly logger = new Logger('VotesGateway');

  constructor(
    private readonly ballots: BallotsService,
    private readonly sessions: SessionsService,
  ) {}

  handleConnection(socket: HopsoSocket): void {
    socket.on('vote:cast', (payload, ack) => void this.cast(socket, payload, ack));
  }

  private async cast(socket: HopsoSocket, raw: unknown, ack: unknown): Promise<void> {
    let res: Ack<BallotReceipt>;
    try {
      const data = socket.data;
      if (data?.kind !== 'user') throw new DomainError('FORBIDDEN', 'A display link cannot vote');
      const nulAt = findNul(raw);
      if (nulAt !== null) throw nulError(nulAt);
      const parsed = castBallotPayload.safeParse(raw);
      if (!parsed.success) throw new DomainError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.') || 'payload'}: ${i.message}`).join('; '));
      const { voteId, ...ballot } = parsed.data;
      // rights as the database knows them now, never as they were at the handshake
      const session = await this.sessions.current(data.sessionId);
      if (!session) {
        setImmediate(() => socket.disconnect(true));
        throw new DomainError('UNAUTHENTICATED', 'Your session has ended; sign in again');
      }
      res = { ok: true, data: await this.ballots.cast(session.user, voteId, ballot) };
    } catch (e) {
      if (e instanceof DomainError) res = { ok: false, error: { code: e.code, message: e.message } };
      else {
        this.logger.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
        res = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong on the server' } };
      }
    }
    if (typeof ack === 'function') ack(res);
  }
}
