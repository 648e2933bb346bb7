import { z } from './zod';

/** Where a highlight, note or comment points, per DESIGN.md: paragraph, quote with context, rects in PDF units. */
export const pdfRectSchema = z.object({
  page: z.number().int().min(1),
  x: z.number().finite(),
  y: z.number().finite(),
  w: z.number().finite().positive(),
  h: z.number().finite().positive(),
});

export const textQuoteSchema = z.object({
  exact: z.string().trim().min(1, 'The quoted text is empty').max(5000),
  prefix: z.string().max(200).default(''),
  suffix: z.string().max(200).default(''),
});
export type TextQuote = z.infer<typeof textQuoteSchema>;

export const anchorSchema = z.object({
  versionId: z.string().uuid(),
  paragraphId: z.string().uuid(),
  quote: textQuoteSchema,
  rects: z.array(pdfRectSchema).min(1, 'An anchor needs at least one rectangle').max(200),
});
export type Anchor = z.infer<typeof anchorSchema>;

/** An anchor as stored: it may have lost its place in a newer version of the document. */
export interface StoredAnchor extends Anchor {
  /** True when re-anchoring to a newer version found no good match: shown in the "detached" list, never dropped. */
  detached: boolean;
}
