import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Anchor, Annotation, HighlightColor } from '@hopso/shared';
import { annotationTarget } from '../../offline/lib/overlay';
import { queueWrite } from '../../offline/lib/writes';

export interface NewAnnotation {
  /** Generated once per user action; every retry of that action sends the same one. */
  clientId: string;
  anchor: Anchor;
  color: HighlightColor;
  note: string;
}

export interface AnnotationEdit {
  annotation: Pick<Annotation, 'id' | 'clientId' | 'updatedAt'>;
  color?: HighlightColor;
  note?: string;
}

// Writes go to the offline outbox first and are sent from there (with their client ids, in order),
// so they run whether or not the browser is online: 'always' keeps TanStack from pausing them.

export function useCreateAnnotation(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAnnotation) => queueWrite(client, documentId, { kind: 'annotation.create', body: input }),
    networkMode: 'always',
  });
}

/**
 * Edits carry when they were made and the `updatedAt` they started from, so an edit made on
 * another device in between is kept as a conflict copy instead of being overwritten.
 */
export function useUpdateAnnotation(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ annotation, color, note }: AnnotationEdit) => {
      const target = annotationTarget(annotation);
      const body = {
        ...(color ? { color } : {}),
        ...(note !== undefined ? { note } : {}),
        editedAt: new Date().toISOString(),
        // a highlight not yet stored has no server state to start from (the outbox fills it in once it has)
        ...(target.id ? { baseUpdatedAt: annotation.updatedAt } : {}),
      };
      return queueWrite(client, documentId, { kind: 'annotation.update', target, body });
    },
    networkMode: 'always',
  });
}

export function useDeleteAnnotation(documentId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (annotation: Pick<Annotation, 'id' | 'clientId'>) => queueWrite(client, documentId, { kind: 'annotation.delete', target: annotationTarget(annotation) }),
    networkMode: 'always',
  });
}
