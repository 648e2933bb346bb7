import { MEETING_KINDS } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import type { FieldErrors } from '../../../lib/formErrors';
import { SelectField } from '../../../ui/SelectField';
import { TextField } from '../../../ui/TextField';
import { DateTimeField } from '../../../ui/DateTimeField';
import { zoneOffsetLabel } from '../../../lib/datetime';
import type { MeetingFormValues } from '../lib/meetingFormValues';

interface MeetingFieldsetProps {
  /** The council's zone: times are typed on its clock. */
  timeZone: string;
  values: MeetingFormValues;
  errors: FieldErrors;
  onChange: (values: MeetingFormValues) => void;
}

/** Title, kind, place and the three times of a meeting; shared by the create and edit forms. */
export function MeetingFieldset({ timeZone, values, errors, onChange }: MeetingFieldsetProps) {
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
      <p className="field-hint">{t.meetingForm.timezone(zoneOffsetLabel(timeZone))}</p>
      <div className="form-grid form-grid-2">
        <DateTimeField
          label={t.meetingForm.startsAt}
          value={values.startsAt}
          onChange={(v) => set('startsAt', v)}
          error={errors.startsAt}
          required
          testId="meeting-starts-at"
        />
        <DateTimeField
          label={t.meetingForm.releaseAt}
          hint={t.meetingForm.releaseAtHint}
          value={values.releaseAt}
          onChange={(v) => set('releaseAt', v)}
          error={errors.releaseAt}
          required
          testId="meeting-release-at"
        />
        <DateTimeField
          label={t.meetingForm.commentDeadline}
          value={values.commentDeadline}
          onChange={(v) => set('commentDeadline', v)}
          error={errors.commentDeadline}
          required
          testId="meeting-comment-deadline"
        />
      </div>
    </>
  );
}
