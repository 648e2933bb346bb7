import path from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { ApiErrorBody } from '@hopso/shared';
import type { AppConfig } from '../config';
import { contentSecurityPolicy } from './content-security-policy';
import { OriginPolicy } from './origin-policy';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Headers and checks every response and request goes through: who may tell us the client's address
 * and scheme, helmet's security headers with the app's CSP, no caching of personal API answers, and
 * no cookie-authenticated write from another site.
 */
export function applyHttpSecurity(app: NestExpressApplication, config: AppConfig): void {
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustProxy);
  app.use(
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(path.join(config.webDistDir, 'index.html')) },
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // pdf.js fetches cmaps and fonts from this origin only; nothing is meant to be embedded elsewhere
      crossOriginResourcePolicy: { policy: 'same-origin' },
    }),
  );
  app.use(noStoreOnApi);
  app.use(refuseForeignOrigin(new OriginPolicy(config.allowedOrigins)));
}

/** API answers carry personal data: never kept by a browser or a proxy, unless a route says otherwise (files set their own). */
function noStoreOnApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path.startsWith('/api/') || req.path === '/api') res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * A write that a browser sends with the session cookie must come from a page of this site (or an
 * allowed one). Bearer-token clients are programs that hold the token themselves: no forgery there.
 */
function refuseForeignOrigin(policy: OriginPolicy) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method) || !req.path.startsWith('/api/')) return next();
    if (req.headers.authorization?.startsWith('Bearer ')) return next();
    const origin = req.headers.origin;
    const crossSite = origin === undefined && req.headers['sec-fetch-site'] === 'cross-site';
    if (!crossSite && policy.allows(origin, req.headers.host)) return next();
    const body: ApiErrorBody = {
      statusCode: 403,
      code: 'CROSS_ORIGIN',
      message: 'This request came from another site; open hopso itself and try again',
    };
    res.status(403).json(body);
  };
}
