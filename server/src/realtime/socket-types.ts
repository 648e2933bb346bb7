import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@hopso/shared';
import type { StoredEvent } from '../events/event-visibility';

/** What the handshake established about a socket. */
export type SocketData =
  | { kind: 'user'; userId: string; sessionId: string; expiresAt: number }
  | { kind: 'display'; linkId: string; meetingId: string };

/** Between server processes (through the adapter): every committed event reaches every process's meeting streams. */
export interface InterServerEvents {
  'meeting:committed': (stored: StoredEvent) => void;
}

export type HopsoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HopsoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  meeting: (id: string) => `meeting:${id}`,
  staff: (id: string) => `meeting:${id}:staff`,
  user: (id: string) => `user:${id}`,
  display: (linkId: string) => `display:${linkId}`,
  session: (id: string) => `session:${id}`,
};
