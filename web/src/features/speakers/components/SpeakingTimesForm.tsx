import { useEffect, useState, type FormEvent } from 'react';
import { SPEECH_TYPES, type SpeakingTimes, type SpeechType } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { useSetSpeakingTimes } from '../hooks/useSpeakerActions';
import { useSpeakingTimes } from '../hooks/useSpeakersList';

const toMinutes = (times: SpeakingTimes) => Object.fromEntries(SPEECH_TYPES.map((k) => [k, String(times[k] / 60)])) as Record<SpeechType, string>;

/** Speaking time per type for this meeting (the council's defaults until changed), in minutes. */
export function SpeakingTimesForm({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const times = useSpeakingTimes(meetingId);
  const save = useSetSpeakingTimes(meetingId);
  const [values, setValues] = useState<Record<SpeechType, string> | null>(null);
  useEffect(() => {
    if (times.data) setValues(toMinutes(times.data.times));
  }, [times.data]);
  if (!values) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(Object.fromEntries(SPEECH_TYPES.map((k) => [k, Math.round(Number(values[k].replace(',', '.')) * 60)])) as SpeakingTimes);
  };
  return (
    <details className="speakers-times">
      <summary>{t.speakers.times}</summary>
      <form onSubmit={submit} className="speakers-times-form" data-testid="speaking-times-form">
        {SPEECH_TYPES.map((k) => (
          <TextField key={k} label={t.speakers.types[k]} inputMode="decimal" value={values[k]} onChange={(e) => setValues({ ...values, [k]: e.target.value })} testId={`speaking-time-${k}`} />
        ))}
        {save.isError && <ErrorMessage error={save.error} />}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isSuccess ? t.common.saved : t.speakers.saveTimes}
        </button>
      </form>
    </details>
  );
}
