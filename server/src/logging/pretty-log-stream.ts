import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const COLOURS: Record<number, string> = { 40: '\x1b[33m', 50: '\x1b[31m', 60: '\x1b[31m' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'context', 'req', 'res', 'responseTime', 'err']);

/** One pino JSON line as one readable line: `12:04:05 INFO  [Context] message key=value`. */
export function formatLogLine(line: string, colour = false): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof o.level === 'number' ? o.level : 30;
  const time = new Date(typeof o.time === 'number' ? o.time : Date.now()).toISOString().slice(11, 19);
  const parts = [time, LEVELS[level] ?? String(level)];
  if (typeof o.context === 'string') parts.push(`[${o.context}]`);
  const req = o.req as { method?: string; url?: string } | undefined;
  const res = o.res as { statusCode?: number } | undefined;
  if (req?.method) parts.push(`${req.method} ${req.url ?? ''} ${res?.statusCode ?? ''} ${typeof o.responseTime === 'number' ? `${o.responseTime} ms` : ''}`.trim());
  else if (typeof o.msg === 'string') parts.push(o.msg);
  const err = o.err as { message?: string; stack?: string } | undefined;
  for (const [k, v] of Object.entries(o)) if (!SKIP.has(k) && v !== undefined) parts.push(`${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  let text = parts.join(' ');
  if (err?.stack ?? err?.message) text += `\n  ${(err.stack ?? err.message)!.split('\n').join('\n  ')}`;
  return colour && COLOURS[level] ? `${COLOURS[level]}${text}\x1b[0m` : text;
}

/** A destination for pino that writes each record as one readable line (development, the embedded database). */
export function prettyLogStream(out: NodeJS.WriteStream = process.stdout): Writable {
  const colour = Boolean(out.isTTY);
  let pending = '';
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      pending += chunk.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) out.write(formatLogLine(line, colour) + '\n');
      done();
    },
  });
}
