import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, MeetingEvent, ServerToClientEvents } from '@hopso/shared';
import type { Api } from './api';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & { received: MeetingEvent[] };

/** A real Socket.IO client, logged in with the Api's token (or a display link token), recording meeting events. */
export async function connectSocket(url: string, auth: { token?: string | null; displayToken?: string }): Promise<TestSocket> {
  const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth, reconnection: false, forceNew: true }) as TestSocket;
  socket.received = [];
  socket.on('meeting:event', (e) => socket.received.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (e) => reject(e));
  });
  return socket;
}

export const socketFor = (api: Api, url = api.server.url) => connectSocket(url, { token: api.token });

export function call<E extends keyof ClientToServerEvents>(socket: TestSocket, event: E, payload: unknown): Promise<Ack<unknown>> {
  return new Promise((resolve) => (socket.emit as (e: string, p: unknown, ack: (r: Ack<unknown>) => void) => void)(event, payload, resolve));
}

/** Waits until `predicate` holds for the socket's received events. */
export async function waitForEvents(socket: TestSocket, predicate: (events: MeetingEvent[]) => boolean, timeoutMs = 10_000): Promise<MeetingEvent[]> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate(socket.received)) {
    if (Date.now() > deadline) throw new Error(`events not received; got ${socket.received.map((e) => `${e.seq}:${e.type}`).join(', ')}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return socket.received;
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
