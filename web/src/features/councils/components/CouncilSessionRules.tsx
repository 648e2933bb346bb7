import { useEffect, useState, type FormEvent } from 'react';
import { PASS_RULES, QUORUM_RULES, SPEECH_TYPES, updateVotingSettingsRequest, type PassRule, type QuorumRule, type SpeechType } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { minutesToTimes, timesToMinutes } from '../../../lib/speakingMinutes';
import { useCouncilRules } from '../hooks/useCouncilRules';
import './councils.css';

interface Values {
  seats: string;
  quorumRule: QuorumRule;
  defaultPassRule: PassRule;
  times: Record<SpeechType, string>;
}

/**
 * The council's session-day rules: tổng số đại biểu (the denominator of every vote), the quorum,
 * the default pass rule, and the default speaking time of each type. The administrator edits them;
 * the council's secretariat reads them.
 */
export function CouncilSessionRules({ councilId, editable, onDone, quietOnError = false }: { councilId: string; editable: boolean; onDone?: () => void; quietOnError?: boolean }) {
  const { t } = useI18n();
  const f = t.floor;
  const { settings, times, save } = useCouncilRules(councilId);
  const [values, setValues] = useState<Values | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  useEffect(() => {
    if (settings.data && times.data && !values) {
      setValues({
        seats: settings.data.seatsIsDefault ? '' : String(settings.data.seats),
        quorumRule: settings.data.quorumRule,
        defaultPassRule: settings.data.defaultPassRule,
        times: timesToMinutes(times.data.times),
      });
    }
  }, [settings.data, times.data, values]);

  // on a meeting's page, a chair who is not on the council's secretariat is not shown the council's settings
  if ((settings.isError || times.isError) && quietOnError) return null;
  if (settings.isError || times.isError) return <ErrorMessage error={settings.error ?? times.error} onRetry={() => void (settings.refetch(), times.refetch())} />;
  if (!settings.data || !times.data || !values) return quietOnError ? null : <LoadingState />;
  const s = settings.data;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const seats = values.seats.trim() === '' ? null : /^\d+$/.test(values.seats.trim()) ? Number(values.seats.trim()) : Number.NaN;
    const voting = updateVotingSettingsRequest.safeParse({ seats: Number.isNaN(seats) ? values.seats : seats, quorumRule: values.quorumRule, defaultPassRule: values.defaultPassRule });
    const speaking = minutesToTimes(values.times);
    const next: FieldErrors = voting.success ? {} : fieldErrors(voting.error.issues, t);
    for (const k of speaking.bad) next[`time-${k}`] = f.minutesRange;
    setErrors(next);
    if (!voting.success || speaking.bad.length > 0) return;
    save.mutate({ voting: voting.data, speaking: speaking.times });
  };

  return (
    <form className="council-rules" onSubmit={submit} noValidate data-testid="council-rules" aria-labelledby={`council-rules-${councilId}`}>
      <h3 id={`council-rules-${councilId}`}>{f.rulesTitle}</h3>
      {!editable && <p className="muted">{f.readOnly}</p>}
      <p className="council-rules-seats" data-testid="council-seats-line">
        {s.seatsIsDefault ? f.seatsDefault(s.seats) : f.seatsSet(s.seats)}
      </p>
      <fieldset disabled={!editable || save.isPending} className="council-rules-fields">
        <div className="form-grid form-grid-2">
          <TextField
            label={f.seats}
            hint={f.seatsHint(s.seats)}
            inputMode="numeric"
            value={values.seats}
            onChange={(e) => setValues({ ...values, seats: e.target.value })}
            error={errors.seats}
            testId="council-seats"
          />
          <SelectField label={f.quorumRule} value={values.quorumRule} onChange={(e) => setValues({ ...values, quorumRule: e.target.value as QuorumRule })} testId="council-quorum-rule">
            {QUORUM_RULES.map((r) => (
              <option key={r} value={r}>
                {f.quorumRules[r]}
              </option>
            ))}
          </SelectField>
          <SelectField label={f.defaultPassRule} value={values.defaultPassRule} onChange={(e) => setValues({ ...values, defaultPassRule: e.target.value as PassRule })} testId="council-pass-rule">
            {PASS_RULES.map((r) => (
              <option key={r} value={r}>
                {t.sessionDay.passRules[r]}
              </option>
            ))}
          </SelectField>
        </div>
        <h4>{f.speakingTimes}</h4>
        <p className="muted">{f.speakingTimesHint}</p>
        <div className="council-rules-times">
          {SPEECH_TYPES.map((k) => (
            <TextField
              key={k}
              label={t.speakers.types[k]}
              inputMode="decimal"
              value={values.times[k]}
              onChange={(e) => setValues({ ...values, times: { ...values.times, [k]: e.target.value } })}
              error={errors[`time-${k}`]}
              testId={`council-time-${k}`}
            />
          ))}
        </div>
      </fieldset>
      {save.isError && <ErrorMessage error={save.error} />}
      {save.isSuccess && (
        <p className="alert alert-success" role="status" data-testid="council-rules-saved">
          {t.common.saved}
        </p>
      )}
      {editable && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={save.isPending} data-testid="council-rules-save">
            {save.isPending ? t.common.saving : t.common.save}
          </button>
          {onDone && (
            <button type="button" className="button button-ghost" onClick={onDone}>
              {t.common.cancel}
            </button>
          )}
        </div>
      )}
    </form>
  );
}
