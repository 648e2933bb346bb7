import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@hopso/shared';

/** What the handshake established about a socket. */
export type SocketData =
  | { kind: 'user'; userId: string; isAdmin: boolean }
  | { kind: 'display'; linkId: string; meetingId: string };

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type HopsoServer = Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export type HopsoSocket = Socket<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;

export const rooms = {
  meeting: (id: string) => `meeting:${id}`,
  staff: (id: string) => `meeting:${id}:staff`,
  user: (id: string) => `user:${id}`,
  display: (linkId: string) => `display:${linkId}`,
  group: (id: string) => `group:${id}`,
};
