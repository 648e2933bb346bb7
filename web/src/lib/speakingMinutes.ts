import { SPEECH_TYPES, type SpeakingTimes, type SpeechType } from '@hopso/shared';

/** Speaking times are set in minutes ("7", "1,5") and stored in seconds. */
export const timesToMinutes = (times: SpeakingTimes): Record<SpeechType, string> =>
  Object.fromEntries(SPEECH_TYPES.map((k) => [k, String(times[k] / 60).replace('.', ',')])) as Record<SpeechType, string>;

/** Seconds per type, or the types whose minutes are not a number from 0,5 to 60. */
export function minutesToTimes(values: Record<SpeechType, string>): { times: SpeakingTimes; bad: SpeechType[] } {
  const times = {} as SpeakingTimes;
  const bad: SpeechType[] = [];
  for (const k of SPEECH_TYPES) {
    const text = values[k].trim().replace(',', '.');
    const minutes = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
    const seconds = Math.round(minutes * 60);
    if (!Number.isFinite(seconds) || seconds < 30 || seconds > 3600) bad.push(k);
    times[k] = seconds;
  }
  return { times, bad };
}
