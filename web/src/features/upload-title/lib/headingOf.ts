/** One text run of a PDF page as pdf.js gives it: the text, its font height and its baseline. */
export interface TextRun {
  str: string;
  height: number;
  y: number;
}

const clean = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

/**
 * The first heading of a page: its lines (runs on one baseline), the first one set in the page's
 * largest type (within a tenth) that says something; lines in the top header block of Vietnamese
 * administrative documents (the council's name, "CỘNG HÒA XÃ HỘI…", the motto) are skipped.
 */
export function headingOf(runs: readonly TextRun[]): string | null {
  const lines: { text: string; height: number; y: number }[] = [];
  for (const r of runs) {
    if (!clean(r.str)) continue;
    const line = lines.find((l) => Math.abs(l.y - r.y) < Math.max(2, r.height / 3));
    if (line) {
      line.text = `${line.text} ${r.str}`;
      line.height = Math.max(line.height, r.height);
    } else lines.push({ text: r.str, height: r.height, y: r.y });
  }
  const usable = lines
    .map((l) => ({ ...l, text: clean(l.text) }))
    .filter((l) => l.text.length >= 4 && !/^(CỘNG HÒA|Độc lập|HỘI ĐỒNG NHÂN DÂN|ỦY BAN NHÂN DÂN|Số:|-{2,})/iu.test(l.text))
    .sort((a, b) => b.y - a.y);
  if (usable.length === 0) return null;
  const biggest = Math.max(...usable.map((l) => l.height));
  const first = usable.findIndex((l) => l.height >= biggest * 0.9);
  // a heading set on two lines ("NGHỊ QUYẾT" / "Về dự toán…") reads as one title
  const next = usable[first + 1];
  const title = next && next.height >= biggest * 0.75 && first + 1 < usable.length ? `${usable[first].text} ${next.text}` : usable[first].text;
  return title.slice(0, 300);
}

/** A title from the file name when the PDF says nothing: "bao-cao_nong-thon-moi.pdf" → "bao cao nong thon moi". */
export function titleFromFileName(name: string): string {
  return name.replace(/\.pdf$/i, '').replace(/[_-]+/g, ' ').trim() || name;
}
