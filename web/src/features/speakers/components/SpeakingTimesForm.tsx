import { useEffect, useState, type FormEvent } from 'react';
import { SPEECH_TYPES, type SpeechType } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { TextField } from '../../../ui/TextField';
import { useSetSpeakingTimes } from '../hooks/useSpeakerActions';
import { useSpeakingTimes } from '../hooks/useSpeakersList';
import { minutesToTimes, timesToMinutes } from '../../../lib/speakingMinutes';

/** Speaking time per type for this meeting (the council's defaults until changed), in minutes; back to the council's in one tap. */
export function SpeakingTimesForm({ meetingId }: { meetingId: string }) {
  const { t } = useI18n();
  const times = useSpeakingTimes(meetingId);
  const save = useSetSpeakingTimes(meetingId);
  const [values, setValues] = useState<Record<SpeechType, string> | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (times.data) setValues(timesToMinutes(times.data.times));
  }, [times.data]);
  if (!values || !times.data) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = minutesToTimes(values);
    setErrors(Object.fromEntries(parsed.bad.map((k) => [k, t.floor.minutesRange])));
    if (parsed.bad.length === 0) save.mutate(parsed.times);
  };
  return (
    <details className="speakers-times">
      <summary>{t.speakers.times}</summary>
      <form onSubmit={submit} className="speakers-times-form" noValidate data-testid="speaking-times-form">
        <p className="muted speakers-times-source" data-testid="speaking-times-source" data-source={times.data.source}>
          {t.floor.timesSource[times.data.source]}
        </p>
        {SPEECH_TYPES.map((k) => (
          <TextField
            key={k}
            label={t.speakers.types[k]}
            inputMode="decimal"
            value={values[k]}
            onChange={(e) => setValues({ ...values, [k]: e.target.value })}
            error={errors[k]}
            testId={`speaking-time-${k}`}
          />
        ))}
        {save.isError && <ErrorMessage error={save.error} />}
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {save.isSuccess ? t.common.saved : t.speakers.saveTimes}
        </button>
        {times.data.source === 'meeting' && (
          <button type="button" className="button button-secondary" disabled={save.isPending} onClick={() => save.mutate(null)} data-testid="speaking-times-reset">
            {t.floor.resetTimes}
          </button>
        )}
      </form>
    </details>
  );
}
