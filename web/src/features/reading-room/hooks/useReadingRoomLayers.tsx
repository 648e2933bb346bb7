import { useCallback, useRef } from 'react';
import type { PageLayers } from '../../viewer/lib/pageTypes';
import { HighlightLayer } from '../components/HighlightLayer';
import { MarginButtons } from '../components/MarginButtons';
import type { HighlightItem, MarginParagraph } from '../lib/readingTypes';
import type { ReadingRoom } from './useReadingRoom';

const EMPTY_HIGHLIGHTS: readonly HighlightItem[] = [];
const EMPTY_MARGIN: readonly MarginParagraph[] = [];

interface CachedLayers {
  highlights: readonly HighlightItem[];
  margin: readonly MarginParagraph[];
  layers: PageLayers;
}

/**
 * The reading room's layers for each page of the viewer: highlights under the text, comment
 * buttons in the margin. A page gets the same object back while its own highlights and paragraphs
 * are unchanged, so one new highlight re-renders one page, not all of them.
 */
export function useReadingRoomLayers(room: Pick<ReadingRoom, 'highlightsByPage' | 'marginByPage'>, onOpenParagraphs: (paragraphIds: string[]) => void): (pageNumber: number) => PageLayers {
  const cache = useRef(new Map<number, CachedLayers>());
  const opener = useRef(onOpenParagraphs);
  opener.current = onOpenParagraphs;
  const { highlightsByPage, marginByPage } = room;
  return useCallback(
    (pageNumber: number) => {
      const highlights = highlightsByPage.get(pageNumber) ?? EMPTY_HIGHLIGHTS;
      const margin = marginByPage.get(pageNumber) ?? EMPTY_MARGIN;
      const cached = cache.current.get(pageNumber);
      if (cached && cached.highlights === highlights && cached.margin === margin) return cached.layers;
      const layers: PageLayers = {
        under: (viewport) => <HighlightLayer viewport={viewport} items={highlights} />,
        over: (viewport, scale) => (margin.length > 0 ? <MarginButtons viewport={viewport} scale={scale} paragraphs={margin} onOpen={(ids) => opener.current(ids)} /> : null),
      };
      cache.current.set(pageNumber, { highlights, margin, layers });
      return layers;
    },
    [highlightsByPage, marginByPage],
  );
}
