import { useEffect, useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Paragraph } from '@hopso/shared';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api';
import { queryKeys } from '../../../lib/queryKeys';
import { documentsApi } from '../../documents/api/documentsApi';
import { offlineReads } from '../../offline/lib/offlineReads';
import { findHitsInPages, findHitsInParagraphs, type SearchHit } from '../../viewer/lib/textSearch';

interface Options {
  documentId: string;
  versionId: string | null;
  pdf: PDFDocumentProxy | null;
  query: string;
}

export interface DocumentSearch {
  hits: SearchHit[];
  paragraphs: ReadonlyMap<string, Paragraph>;
  searching: boolean;
}

async function extractPageTexts(pdf: PDFDocumentProxy, isCancelled: () => boolean): Promise<string[] | null> {
  const texts: string[] = [];
  for (let n = 1; n <= pdf.numPages; n += 1) {
    if (isCancelled()) return null;
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    texts.push(
      content.items
        .filter((item): item is TextItem => 'str' in item)
        .map((item) => item.str + (item.hasEOL ? ' ' : ''))
        .join(''),
    );
  }
  return texts;
}

/**
 * Finds hits in the server's paragraphs (already extracted at ingest, so no need to download the
 * whole PDF). If they can't be had, falls back to pdf.js's own text of every page.
 */
export function useDocumentSearch({ documentId, versionId, pdf, query }: Options): DocumentSearch {
  const wanted = query.trim().length > 0 && versionId !== null;
  const paragraphs = useQuery({
    queryKey: queryKeys.paragraphs(documentId, versionId ?? ''),
    queryFn: () => offlineReads.paragraphs(documentId, versionId as string, () => documentsApi.paragraphs(documentId, versionId as string)),
    enabled: wanted,
    staleTime: Infinity,
    retry: 1,
  });
  const [pageTexts, setPageTexts] = useState<string[] | null>(null);
  const needFallback = wanted && (paragraphs.isError || (paragraphs.isSuccess && paragraphs.data.length === 0));

  useEffect(() => {
    if (!needFallback || !pdf || pageTexts) return undefined;
    let cancelled = false;
    extractPageTexts(pdf, () => cancelled)
      .then((texts) => {
        if (!cancelled && texts) setPageTexts(texts);
      })
      .catch(() => {
        if (!cancelled) setPageTexts([]);
      });
    return () => {
      cancelled = true;
    };
  }, [needFallback, pdf, pageTexts]);

  const hits = useMemo(() => {
    if (!wanted) return [];
    if (!needFallback && paragraphs.data) return findHitsInParagraphs(paragraphs.data, query);
    if (pageTexts) return findHitsInPages(pageTexts, query);
    return [];
  }, [wanted, needFallback, paragraphs.data, pageTexts, query]);

  const byId = useMemo(() => new Map((paragraphs.data ?? []).map((p) => [p.id, p])), [paragraphs.data]);
  const searching = wanted && (paragraphs.isPending || (needFallback && pageTexts === null));
  return { hits, paragraphs: byId, searching };
}
