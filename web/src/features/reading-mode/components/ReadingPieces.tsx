import type { piecesOf } from '../lib/readingText';

/** A highlight in the reading view: a span of a paragraph's shown text. */
export interface Mark {
  start: number;
  end: number;
  key: string;
  color: string;
}

/** A paragraph's (or a cell's) text, its highlights marked; a tap on one that selects nothing opens it. */
export function ReadingPieces({ pieces, onMark }: { pieces: ReturnType<typeof piecesOf>; onMark: (annotationId: string) => void }) {
  return (
    <>
      {pieces.map((piece, i) =>
        piece.mark ? (
          <mark
            key={i}
            className={`reading-mark highlight-${piece.mark.color}`}
            data-annotation-id={piece.mark.key}
            data-testid="reading-highlight"
            onClick={() => {
              const current = document.getSelection();
              if (!current || current.isCollapsed) onMark(piece.mark!.key);
            }}
          >
            {piece.text}
          </mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </>
  );
}
