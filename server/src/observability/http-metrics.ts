import type { NextFunction, Request, Response } from 'express';
import { httpSeconds } from './metrics';

/** Times every request into hopso_http_request_duration_seconds, labelled by route template (never by id). */
export function httpMetrics(req: Request, res: Response, next: NextFunction): void {
  const end = httpSeconds.startTimer();
  res.once('finish', () => {
    const template = req.route?.path as string | undefined;
    const route = template ? `${req.baseUrl}${template}` : req.path.startsWith('/api') || req.path.startsWith('/socket.io') ? 'unmatched' : 'web';
    end({ method: req.method, route, status: `${Math.floor(res.statusCode / 100)}xx` });
  });
  next();
}
