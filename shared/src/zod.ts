import { z } from 'zod';

/**
 * zod as every shared schema imports it. In a browser, whose CSP has no 'unsafe-eval', zod's fast
 * path would probe `new Function` when each object schema is built, and a strict CSP reports that
 * probe as a violation although zod catches it: there, schemas are built without it (jitless). The
 * setting has to come before the first schema, hence this module rather than a call in the app.
 */
if (typeof document !== 'undefined') z.config({ jitless: true });

export { z };
