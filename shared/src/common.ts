import { z } from './zod';

export const uuid = z.string().uuid();
export const isoDateTime = z.string().datetime({ offset: true });

/** Route params of the form `:id`. */
export const idParam = z.object({ id: uuid });
export type IdParam = z.infer<typeof idParam>;
