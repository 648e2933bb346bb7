import type { Comment } from '@hopso/shared';
import type { ReadingRoom } from '../hooks/useReadingRoom';
import { plainAnchor, type ReadingRoomUi } from '../hooks/useReadingRoomUi';
import { AnnotationSheet } from './AnnotationSheet';
import { ComposeSheet } from './ComposeSheet';
import { ParagraphChooserSheet } from './ParagraphChooserSheet';
import { SelectionActionBar } from './SelectionActionBar';
import './reading-room.css';

interface ReadingRoomLayerProps {
  room: ReadingRoom;
  ui: ReadingRoomUi;
  documentId: string;
  versionId: string;
  scroller: HTMLElement | null;
}

/** The reading room's floating parts over the viewer: the selection's action bar and the open sheet. */
export function ReadingRoomLayer({ room, ui, documentId, versionId, scroller }: ReadingRoomLayerProps) {
  const { sheet } = ui;
  const paragraphComments = (paragraphId: string): Comment[] =>
    room.comments.filter((c) => c.anchor.paragraphId === paragraphId && c.anchor.versionId === versionId && !c.anchor.detached);

  return (
    <>
      {ui.selection && !sheet && (
        <SelectionActionBar
          selection={ui.selection}
          scroller={scroller}
          access={room.access}
          busy={ui.highlight.isPending}
          retrying={ui.highlight.isPending && ui.highlight.failureCount > 0}
          error={ui.highlight.isError ? ui.highlight.error : null}
          onRetry={ui.retryHighlight}
          onHighlight={ui.highlightSelection}
          onNote={() => ui.composeFromSelection('note')}
          onComment={() => ui.composeFromSelection('comment')}
          onDismiss={ui.clearSelection}
        />
      )}
      {sheet?.kind === 'compose' && (
        <ComposeSheet
          documentId={documentId}
          target={sheet.target}
          mode={sheet.mode}
          onModeChange={(mode) => ui.setSheet({ ...sheet, mode })}
          access={room.access}
          meeting={room.meeting}
          paragraphComments={paragraphComments(sheet.target.paragraph.id)}
          onClose={ui.closeSheet}
          onDone={ui.done}
        />
      )}
      {sheet?.kind === 'choose' && room.paragraphs && (
        <ParagraphChooserSheet
          paragraphs={sheet.paragraphIds.map((id) => room.paragraphs!.sorted.find((p) => p.id === id)).filter((p) => p !== undefined)}
          onChoose={(p) => ui.openParagraph(p.id)}
          onClose={ui.closeSheet}
        />
      )}
      {sheet?.kind === 'annotation' &&
        (() => {
          const annotation = room.annotations.find((a) => a.id === sheet.annotationId);
          if (!annotation) return null;
          const paragraph = room.paragraphs?.sorted.find((p) => p.id === annotation.anchor.paragraphId);
          const commentable = room.access.canComment && paragraph && annotation.anchor.versionId === versionId && !annotation.anchor.detached;
          return (
            <AnnotationSheet
              documentId={documentId}
              annotation={annotation}
              onComment={
                commentable
                  ? () => ui.setSheet({ kind: 'compose', target: { anchor: plainAnchor(annotation.anchor), paragraph, whole: false }, mode: 'comment' })
                  : null
              }
              onClose={ui.closeSheet}
              onDone={ui.done}
            />
          );
        })()}
    </>
  );
}
