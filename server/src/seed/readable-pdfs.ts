import { encryptedPdf, pdfWithPages } from './broken-pdfs';

/**
 * PDFs that pdf.js reads though they break a rule a stricter reader keeps, and PDFs with one
 * damaged page, for the tests of the ingest that accepts what can be read. Deterministic.
 */

/** `pages` pages whose header is missing (replaced by other bytes): pdf.js reads it all the same. */
export async function pdfWithoutHeader(pages = 2): Promise<Buffer> {
  const pdf = Buffer.from(await pdfWithPages(pages));
  pdf.write('%XYZ-', 0, 'latin1');
  return pdf;
}

/** `pages` pages after 2,000 bytes of something else (a mail header, a scanner's preamble): the header is past the 1,024 bytes the spec allows. */
export async function pdfWithLateHeader(pages = 2): Promise<Buffer> {
  return Buffer.concat([Buffer.alloc(2000, 'X'), await pdfWithPages(pages)]);
}

/** A complete PDF followed by 3,000 bytes of padding: its %%EOF is not in the last 1,024 bytes. */
export async function pdfWithEarlyEof(pages = 2): Promise<Buffer> {
  return Buffer.concat([await pdfWithPages(pages), Buffer.alloc(3000, 0x20)]);
}

/** `pages` pages whose page tree's last kid points to an object that does not exist: the other pages read. */
export async function pdfWithLostLastPage(pages = 3): Promise<Buffer> {
  const text = (await pdfWithPages(pages)).toString('latin1');
  const kids = /\/Kids \[([^\]]*)\]/.exec(text)!;
  const refs = kids[1].trim().split(/\s+R\s*/).filter(Boolean);
  // an object number of as many digits, so the file keeps its length and its cross-reference table stays right
  const [num, gen] = refs[refs.length - 1].split(' ');
  refs[refs.length - 1] = `${'9'.repeat(num.length)} ${gen}`;
  return Buffer.from(text.replace(kids[0], `/Kids [${refs.map((r) => `${r} R`).join(' ')}]`), 'latin1');
}

/** `pages` pages whose page `bad` (1-based) has a damaged flate content stream: the rest read. */
export async function pdfWithDamagedPage(pages: number, bad: number): Promise<Buffer> {
  const pdf = Buffer.from(await pdfWithPages(pages));
  const text = pdf.toString('latin1');
  const contents = [...text.matchAll(/\/Contents (\d+) 0 R/g)].map((m) => m[1]);
  const object = new RegExp(`\\n${contents[bad - 1]} 0 obj[\\s\\S]*?stream\\r?\\n`).exec(text)!;
  const start = object.index + object[0].length;
  // past the two-byte zlib header: the deflate data itself is garbage
  pdf.fill(0x55, start + 2, start + 40);
  return pdf;
}

/** Restricted by an owner password only (no printing, no copying): it opens without one. */
export const ownerRestrictedPdf = (): Promise<Buffer> => encryptedPdf('owner-password');
