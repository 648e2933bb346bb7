import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents } from '@hopso/shared';

/** What the handshake established about a socket. */
export type SocketData =
  | { kind: 'user'; userId: string; isAdmin: boolean }
  | { kind: 'display'; linkId: string; meetingId: string };

/** Replicas send each other no events of their own (broadcasts go through the PostgreSQL adapter). */
type InterServerEvents = Record<string, never>;
export type HopsoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type HopsoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

export const rooms = {
  meeting: (id: string) => `meeting:${id}`,
  staff: (id: string) => `meeting:${id}:staff`,
  user: (id: string) => `user:${id}`,
  display: (linkId: string) => `display:${linkId}`,
  group: (id: string) => `group:${id}`,
};
