import type { LoggerService } from '@nestjs/common';

/** Nest's own start-up chatter: one line per module, controller and route. */
const START_UP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication', 'WebSocketsController', 'LegacyRouteConverter']);

/** The app's logger without Nest's module and route listing; warnings and errors always pass. */
export class QuietNestLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  private startUp(params: unknown[]): boolean {
    const context = params[params.length - 1];
    return typeof context === 'string' && START_UP_CONTEXTS.has(context);
  }

  log(message: unknown, ...params: unknown[]): void {
    if (!this.startUp(params)) this.inner.log(message, ...params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    // the route-syntax warnings of a middleware's '*' path (LegacyRouteConverter) are Nest talking to itself
    if (!this.startUp(params)) this.inner.warn(message, ...params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.inner.error(message, ...params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    if (!this.startUp(params)) this.inner.debug?.(message, ...params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    if (!this.startUp(params)) this.inner.verbose?.(message, ...params);
  }
  fatal(message: unknown, ...params: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...params);
  }
}
