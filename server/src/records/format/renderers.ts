import type { AdminDocument } from './admin-document';

// docx and pdfkit (with fontkit and its fonts' code) load at the first record rendered, not at start:
// an idle process never renders one (issue 15: a replica's idle memory, bench/scale/idle.mjs)
type RenderDocx = typeof import('./render-docx');
type RenderPdf = typeof import('./render-pdf');

/** renderDocx of render-docx.ts, loaded at its first use. */
export const renderDocx = (d: AdminDocument): Promise<Buffer> => (require('./render-docx') as RenderDocx).renderDocx(d);

/** renderPdf of render-pdf.ts, loaded at its first use. */
export const renderPdf = (d: AdminDocument): Promise<Buffer> => (require('./render-pdf') as RenderPdf).renderPdf(d);
