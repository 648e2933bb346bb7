import { inspect } from 'node:util';

/** An error as a person reads it: the stack of an Error, else whatever was thrown, never a bare `undefined`. */
export function describeError(e: unknown): string {
  if (e instanceof Error) return e.stack ?? `${e.name}: ${e.message}`;
  if (e === undefined || e === null) return `failed without a reason (${String(e)} was thrown)`;
  return typeof e === 'string' ? e : inspect(e, { depth: 4 });
}

/**
 * The last line of defence: a rejection or exception no code path caught is logged and the
 * process keeps serving everyone else. Every known chain handles its own failures; this exists so
 * that one overlooked chain costs one request or one job, not the server.
 */
export function installProcessGuards(log: (message: string) => void = (m) => console.error(m)): void {
  process.on('unhandledRejection', (reason) => log(`[hopso] unhandled rejection, the server keeps running: ${describeError(reason)}`));
  process.on('uncaughtException', (error) => log(`[hopso] uncaught exception, the server keeps running: ${describeError(error)}`));
}
