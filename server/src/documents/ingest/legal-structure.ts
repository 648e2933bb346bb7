import type { ParagraphKind } from '@hopso/shared';

/**
 * Where a paragraph sits in a Vietnamese legal or administrative document
 * (Nghị định 30/2020/NĐ-CP, Luật Ban hành văn bản quy phạm pháp luật):
 * Phần › Chương › Mục › Điều N. › khoản "1." › điểm "a)", plus the header block
 * (issuing body, Quốc hiệu, number, place and date), the preamble (title, căn cứ)
 * and the closing (signature, Nơi nhận). The label names the paragraph the way a
 * council does: "Điều 2, khoản 1, điểm a". A document with neither a header
 * block nor any Phần/Chương/Mục/Điều gets no labels (it keeps page and order).
 */
export interface StructureLabel {
  label: string | null;
  kind: ParagraphKind;
}

export const HEADER_LABEL = 'Phần đầu văn bản';
export const PREAMBLE_LABEL = 'Phần mở đầu';
export const CLOSING_LABEL = 'Phần ký';
export const RECIPIENTS_LABEL = 'Nơi nhận';

const ROMAN_OR_NUMBER = String.raw`(?:[IVXLC]+|\d+)`;
const PART = new RegExp(String.raw`^(?:Phần|PHẦN)\s+((?:thứ|THỨ)\s+\p{L}+|${ROMAN_OR_NUMBER})(?=$|[\s.:])`, 'u');
const CHAPTER = new RegExp(String.raw`^(?:Chương|CHƯƠNG)\s+(${ROMAN_OR_NUMBER})(?=$|[\s.:])`, 'u');
const SECTION = /^(?:Mục|MỤC)\s+(\d+)(?=$|[\s.:])/u;
const ARTICLE = /^Điều\s+(\d+[a-z]?)\s*[.:]/u;
const CLAUSE = /^(\d+)\.\s/u;
const POINT = /^([a-zđ])\)\s/u;
const NATIONAL_MOTTO = /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*[-–]\s*Tự do\s*[-–]\s*Hạnh phúc/u;
const DATE_LINE = /,\s*ngày\s.*tháng\s.*năm\s+\d{4}/u;
const SIGNATURE = /^(?:TM|KT|TL|TUQ|Q)\.\s+\p{Lu}/u;
const RECIPIENTS = /^Nơi nhận\s*:/u;

/** The Quốc hiệu stands within the first paragraphs; the header block is never longer than this. */
const HEADER_LOOKAHEAD = 6;
const HEADER_MAX = 10;

/** True when `text` is written in capitals (a chapter's title on its own line). */
const isUpperCase = (text: string) => /\p{Lu}/u.test(text) && text === text.toLocaleUpperCase('vi');

/**
 * Labels a document's paragraphs in reading order. Stateful: give it every
 * paragraph of one document, in order (batches across pages are fine).
 */
export class StructureLabeller {
  private header: 'open' | 'closed' | 'none' = 'none';
  private structured = false;
  private part: string | null = null;
  private chapter: string | null = null;
  private section: string | null = null;
  private article: string | null = null;
  private clause: string | null = null;
  private point: string | null = null;
  private closing: string | null = null;
  /** The last paragraph was a Phần/Chương/Mục line, so a title in capitals may follow. */
  private headingOpen = false;
  private seen = 0;

  /**
   * Labels the next paragraphs of the document, in order. The first call looks a
   * few paragraphs ahead for the Quốc hiệu, so that what stands above it ("DỰ THẢO",
   * the issuing body) joins the header block.
   */
  labelAll(texts: readonly string[]): StructureLabel[] {
    if (this.seen === 0) {
      const motto = texts.slice(0, HEADER_LOOKAHEAD).findIndex((t) => NATIONAL_MOTTO.test(t));
      if (motto >= 0) this.header = 'open';
    }
    return texts.map((t) => this.label(t));
  }

  private label(raw: string): StructureLabel {
    const text = raw.trim();
    this.seen++;
    const afterHeading = this.headingOpen;
    this.headingOpen = false;

    if (this.header === 'open') {
      // the block ends with the place and date ("Số: …/NQ-HĐND   Yên Hòa, ngày … tháng … năm …")
      if (DATE_LINE.test(text) || this.seen > HEADER_MAX) this.header = 'closed';
      return { label: HEADER_LABEL, kind: 'header' };
    }

    let m: RegExpExecArray | null;
    if (RECIPIENTS.test(text)) return this.closingLine(RECIPIENTS_LABEL);
    if (SIGNATURE.test(text) && (this.structured || this.header === 'closed')) return this.closingLine(CLOSING_LABEL);
    if (this.closing) return { label: this.closing, kind: 'closing' };

    if ((m = PART.exec(text))) {
      this.enter();
      this.part = `Phần ${m[1]}`;
      this.chapter = this.section = this.article = null;
      return this.headingLine(this.part);
    }
    if ((m = CHAPTER.exec(text))) {
      this.enter();
      this.chapter = `Chương ${m[1]}`;
      this.section = this.article = null;
      return this.headingLine(this.chapter);
    }
    if ((m = SECTION.exec(text))) {
      this.enter();
      this.section = `Mục ${m[1]}`;
      this.article = null;
      return this.headingLine([this.chapter, this.section].filter(Boolean).join(', '));
    }
    if ((m = ARTICLE.exec(text))) {
      this.enter();
      this.article = `Điều ${m[1]}`;
      return { label: this.article, kind: 'heading' };
    }
    if (afterHeading && !this.article && isUpperCase(text)) {
      // "Chương I" then "NHỮNG QUY ĐỊNH CHUNG": the title of the heading above
      return { label: this.outerLabel(), kind: 'heading' };
    }
    if (this.article) {
      if ((m = CLAUSE.exec(text))) {
        this.clause = `khoản ${m[1]}`;
        this.point = null;
      } else if ((m = POINT.exec(text))) {
        this.point = `điểm ${m[1]}`;
      } else {
        // a line after a list of points belongs to the clause again
        this.point = null;
      }
      return { label: [this.article, this.clause, this.point].filter(Boolean).join(', '), kind: 'body' };
    }
    if (this.structured) return { label: this.outerLabel(), kind: 'body' };
    if (this.header === 'closed') return { label: PREAMBLE_LABEL, kind: isUpperCase(text) ? 'heading' : 'body' };
    return { label: null, kind: 'body' };
  }

  /** A new structural unit resets what was inside the previous one. */
  private enter(): void {
    this.structured = true;
    this.article = this.clause = this.point = null;
  }

  private headingLine(label: string): StructureLabel {
    this.headingOpen = true;
    return { label, kind: 'heading' };
  }

  private closingLine(label: string): StructureLabel {
    this.closing = label;
    return { label, kind: 'closing' };
  }

  private outerLabel(): string | null {
    return this.section ? [this.chapter, this.section].filter(Boolean).join(', ') : (this.chapter ?? this.part);
  }
}

/** Labels a whole document at once (tests, re-labelling stored paragraphs). */
export function labelStructure(texts: readonly string[]): StructureLabel[] {
  return new StructureLabeller().labelAll(texts);
}
