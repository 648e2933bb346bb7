import { MEETING_KINDS } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { FieldErrors } from '../../../lib/formErrors';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import type { MeetingFormValues } from '../lib/meetingFormValues';

interface MeetingFieldsetProps {
  values: MeetingFormValues;
  errors: FieldErrors;
  onChange: (values: MeetingFormValues) => void;
}

function timeZoneName(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return '';
  }
}

/** Title, kind, place and the three times of a meeting; shared by the create and edit forms. */
export function MeetingFieldset({ values, errors, onChange }: MeetingFieldsetProps) {
  const { t } = useI18n();
  const set = <K extends keyof MeetingFormValues>(key: K, value: MeetingFormValues[K]) => onChange({ ...values, [key]: value });
  return (
    <>
      <TextField
        label={t.meetingForm.title}
        hint={t.meetingForm.titleHint}
        value={values.title}
        onChange={(e) => set('title', e.target.value)}
        error={errors.title}
        maxLength={300}
        required
        testId="meeting-title"
      />
      <div className="form-grid form-grid-2">
        <SelectField label={t.meetingForm.kind} value={values.kind} onChange={(e) => set('kind', e.target.value as MeetingFormValues['kind'])} error={errors.kind} testId="meeting-kind">
          {MEETING_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t.meetingKinds[kind]}
            </option>
          ))}
        </SelectField>
        <TextField label={t.meetingForm.location} value={values.location} onChange={(e) => set('location', e.target.value)} error={errors.location} maxLength={300} testId="meeting-location" />
      </div>
      <p className="field-hint">{t.meetingForm.timezone(timeZoneName())}</p>
      <div className="form-grid form-grid-2">
        <TextField
          label={t.meetingForm.startsAt}
          type="datetime-local"
          value={values.startsAt}
          onChange={(e) => set('startsAt', e.target.value)}
          error={errors.startsAt}
          required
          testId="meeting-starts-at"
        />
        <TextField
          label={t.meetingForm.releaseAt}
          hint={t.meetingForm.releaseAtHint}
          type="datetime-local"
          value={values.releaseAt}
          onChange={(e) => set('releaseAt', e.target.value)}
          error={errors.releaseAt}
          required
          testId="meeting-release-at"
        />
        <TextField
          label={t.meetingForm.commentDeadline}
          type="datetime-local"
          value={values.commentDeadline}
          onChange={(e) => set('commentDeadline', e.target.value)}
          error={errors.commentDeadline}
          required
          testId="meeting-comment-deadline"
        />
      </div>
    </>
  );
}
