/**
 * Vietnamese text from the pre-Unicode fonts, as pdf.js extracts it from a font without a
 * ToUnicode map (each byte read as its WinAnsi / Latin-1 character), turned back into Unicode:
 * - TCVN3 (ABC, TCVN 5712:1993, the .VnTime fonts): one byte per precomposed letter, "Héi ®ång" → "Hội đồng";
 * - VNI (the VNI-Times fonts): a base letter followed by a byte for its marks, "Hoäi ñoàng" → "Hội đồng".
 * Hand-written tables: no maintained npm package converts these (the few that exist are
 * unmaintained browser snippets), and both encodings are frozen standards, so the tables never change.
 *
 * Detection looks at characters that never occur in Unicode Vietnamese (®, ©, µ, ¸, ä, ñ, ø …)
 * inside words: a run without them is left alone, so a real "©" or "é" keeps its meaning.
 */

// TCVN3 byte (as its Latin-1 character) → Unicode, lower case and the capitals the base font carries.
const TCVN3_FROM = '¸µ¶·¹¨¾»¼½Æ©ÊÇÈÉË®ÐÌÎÏÑªÕÒÓÔÖÝ×ØÜÞãßáâä«èåæçé¬íêëìîóïñòôøõö÷ùýúûüþ\u00ad¡¢§£¤¥¦';
const TCVN3_TO = 'áàảãạăắằẳẵặâấầẩẫậđéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụứừửữựýỳỷỹỵưĂÂĐÊÔƠƯ';
const TCVN3 = new Map<string, string>([...TCVN3_FROM].map((c, i) => [c, [...TCVN3_TO][i]]));

// VNI: the byte after a vowel carries its marks. Combining marks, composed with NFC afterwards.
const ACUTE = '\u0301';
const GRAVE = '\u0300';
const HOOK = '\u0309';
const TILDE = '\u0303';
const DOT = '\u0323';
const CIRC = '\u0302';
const BREVE = '\u0306';
const HORN = '\u031b';
/** After a, e or o: circumflex plus a tone. */
const VNI_CIRC: Record<string, string> = { â: CIRC, á: CIRC + ACUTE, à: CIRC + GRAVE, å: CIRC + HOOK, ã: CIRC + TILDE, ä: CIRC + DOT };
/** After a: breve plus a tone. */
const VNI_BREVE: Record<string, string> = { ê: BREVE, é: BREVE + ACUTE, è: BREVE + GRAVE, ú: BREVE + HOOK, ü: BREVE + TILDE, ë: BREVE + DOT };
/** After any vowel: a tone alone. */
const VNI_TONE: Record<string, string> = { ù: ACUTE, ø: GRAVE, û: HOOK, õ: TILDE, ï: DOT };
/** Letters of their own: ơ, ư, đ, and i and y with a tone. */
const VNI_LETTER: Record<string, string> = { ô: 'o' + HORN, ö: 'u' + HORN, ñ: 'đ', í: 'í', ì: 'ì', æ: 'ỉ', ó: 'ĩ', ò: 'ị', î: 'ỵ' };

const upperKeys = (m: Record<string, string>, upperValue: (v: string) => string = (v) => v) =>
  Object.fromEntries(Object.entries(m).flatMap(([k, v]) => [[k, v], [k.toLocaleUpperCase('vi'), upperValue(v)]]));
const VNI_CIRC_ALL = upperKeys(VNI_CIRC);
const VNI_BREVE_ALL = upperKeys(VNI_BREVE);
const VNI_TONE_ALL = upperKeys(VNI_TONE);
const VNI_LETTER_ALL = upperKeys(VNI_LETTER, (v) => v.toLocaleUpperCase('vi'));

/** Unicode Vietnamese letters (any case, precomposed), to tell a converted run is clean. */
const VIETNAMESE = /[a-zA-Zàáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/iu;

/** Latin-1 characters that Unicode Vietnamese never uses: a sign of legacy bytes. */
const isForeign = (c: string) => ((c >= '\u00a1' && c <= '\u00ff') || c === '\u03bc') && !VIETNAMESE.test(c);
/** Some foreign character anywhere (isForeign as one test): Unicode text, nearly every run, is passed over at once. */
const ANY_FOREIGN = /[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce-\u00d1\u00d6-\u00d8\u00db\u00dc\u00de-\u00df\u00e4-\u00e7\u00eb\u00ee-\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff\u03bc]/u;

/** Foreign characters standing inside a word (next to a letter or another such character). */
function foreignInWords(s: string): number {
  const chars = [...s];
  let n = 0;
  chars.forEach((c, i) => {
    if (!isForeign(c)) return;
    const near = (d: string | undefined) => d !== undefined && (/\p{L}/u.test(d) || isForeign(d));
    if (near(chars[i - 1]) || near(chars[i + 1])) n++;
  });
  return n;
}

// pdf.js hands some bytes back changed: µ (0xB5, "à") as the Greek μ, the soft hyphen (0xAD, "ư") as "-"
TCVN3.set('\u03bc', 'à');

const isLowerLetter = (c: string | undefined) => c !== undefined && /\p{Ll}/u.test(TCVN3.get(c) ?? c);
const isUpperOrDigit = (c: string | undefined) => c !== undefined && /[\p{Lu}\p{N}]/u.test(TCVN3.get(c) ?? c);

export function fromTcvn3(s: string): string {
  const chars = [...s];
  let out = '';
  chars.forEach((c, i) => {
    const before = chars[i - 1];
    const after = chars[i + 1];
    // "n-íc" is "nước"; "NĐ-CP", "2020-2025" and "tế - xã" keep their hyphen
    if (c === '-') out += (isLowerLetter(before) || isLowerLetter(after)) && !isUpperOrDigit(before) && !isUpperOrDigit(after) ? 'ư' : '-';
    else out += TCVN3.get(c) ?? c;
  });
  return out;
}

export function fromVni(s: string): string {
  const chars = [...s];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    const next = chars[i + 1];
    const lower = c.toLowerCase();
    if (next !== undefined && 'aeo'.includes(lower) && VNI_CIRC_ALL[next] !== undefined) {
      out += c + VNI_CIRC_ALL[next];
      i++;
      if (chars[i + 1] !== undefined && VNI_TONE_ALL[chars[i + 1]] !== undefined) out += VNI_TONE_ALL[chars[++i]];
      continue;
    }
    if (next !== undefined && lower === 'a' && VNI_BREVE_ALL[next] !== undefined) {
      out += c + VNI_BREVE_ALL[next];
      i++;
      continue;
    }
    if (VNI_LETTER_ALL[c] !== undefined) {
      out += VNI_LETTER_ALL[c];
      if (next !== undefined && VNI_TONE_ALL[next] !== undefined && 'ôöÔÖ'.includes(c)) out += VNI_TONE_ALL[chars[++i]];
      continue;
    }
    if (next !== undefined && 'aeiouy'.includes(lower) && VNI_TONE_ALL[next] !== undefined) {
      out += c + VNI_TONE_ALL[next];
      i++;
      continue;
    }
    out += c;
  }
  return out.normalize('NFC');
}

export type LegacyEncoding = 'tcvn3' | 'vni';

/** Characters only TCVN3 produces (VNI never uses these bytes for letters). */
const TCVN3_SIGNS = new Set('¸µ\u03bc¶·¹¨¾»¼½©ª«¬®¡¢§£¤¥¦×÷ÐÞßçþ');
/** A vowel followed by a VNI mark byte. */
const VNI_SIGN = /[aeiouyAEIOUY][ùøûõïâáàåãäêéèúüëÙØÛÕÏÂÁÀÅÃÄÊÉÈÚÜË]/gu;

/**
 * Which legacy encoding a piece of text is in, or null for Unicode: only text with foreign
 * characters inside words is a candidate; then the encoding with more of its own signs, or,
 * without signs, the conversion that leaves fewer foreign characters.
 */
export function detectLegacyEncoding(s: string): LegacyEncoding | null {
  if (!ANY_FOREIGN.test(s) || foreignInWords(s) === 0) return null;
  const tcvnSigns = [...s].filter((c) => TCVN3_SIGNS.has(c)).length;
  const vniSigns = s.match(VNI_SIGN)?.length ?? 0;
  if (tcvnSigns !== vniSigns) return tcvnSigns > vniSigns ? 'tcvn3' : 'vni';
  const left = (t: string) => [...t].filter(isForeign).length;
  const tcvn = left(fromTcvn3(s));
  const vni = left(fromVni(s));
  if (Math.min(tcvn, vni) >= left(s)) return null;
  return tcvn <= vni ? 'tcvn3' : 'vni';
}

export function toUnicode(s: string, encoding: LegacyEncoding | null): string {
  return encoding === 'tcvn3' ? fromTcvn3(s) : encoding === 'vni' ? fromVni(s) : s;
}

/**
 * Converts a page's runs in place. A font's runs share one decision (its run "cã" alone looks
 * like Unicode; beside "Héi ®ång" of the same font it is "có"); a run without a font is decided alone.
 */
export function convertLegacyRuns<T extends { str: string; fontName?: string }>(runs: T[]): void {
  const byFont = new Map<string, string[]>();
  for (const r of runs) {
    if (!r.fontName) continue;
    const texts = byFont.get(r.fontName);
    if (texts) texts.push(r.str);
    else byFont.set(r.fontName, [r.str]);
  }
  const decided = new Map<string, LegacyEncoding | null>();
  for (const [font, texts] of byFont) decided.set(font, detectLegacyEncoding(texts.join(' ')));
  for (const r of runs) {
    const encoding = r.fontName ? decided.get(r.fontName) ?? null : detectLegacyEncoding(r.str);
    if (encoding) r.str = toUnicode(r.str, encoding);
  }
}
