import { ApiError, NetworkError, toApiErrorBody } from './api-client';

function filenameFrom(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* fall through to the plain name */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : null;
}

export interface DownloadedFile {
  blob: Blob;
  fileName: string;
}

/** A generated file from /api, fetched rather than linked so a refusal shows as a sentence on the page. */
export async function fetchFile(url: string, fallbackName: string): Promise<DownloadedFile> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin' });
  } catch (error) {
    throw new NetworkError(error instanceof Error ? error.message : undefined);
  }
  if (!response.ok) throw new ApiError(toApiErrorBody(response.status, await response.text().catch(() => '')));
  const blob = await response.blob();
  return { blob, fileName: filenameFrom(response.headers.get('Content-Disposition')) ?? fallbackName };
}

/** Hands a fetched file to the browser's download. */
export function saveFile({ blob, fileName }: DownloadedFile): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser time to start the download before the URL goes away
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
