// one formatter per language: making one costs far more than using it, and a room shows many messages
const formats = new Map<string, Intl.DateTimeFormat>();

/** "14:05": a message's time in the room (the meeting is one day; the full date is in the tooltip). */
export function clockTime(iso: string, language: string): string {
  const locale = language === 'vi' ? 'vi-VN' : 'en-GB';
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formats.set(locale, format);
  }
  return format.format(new Date(iso));
}
