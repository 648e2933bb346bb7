import { useEffect, useState, type FormEvent } from 'react';
import { createMeetingRequest, type MeetingDetail } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { useUpdateMeeting } from '../hooks/useUpdateMeeting';
import { formValuesToFields, meetingToFormValues } from '../lib/meetingFormValues';
import { MeetingFieldset } from './MeetingFieldset';
import { MeetingStatusControls } from './MeetingStatusControls';

export function MeetingInfoPanel({ meeting }: { meeting: MeetingDetail }) {
  const { t } = useI18n();
  const update = useUpdateMeeting(meeting.id);
  const [values, setValues] = useState(() => meetingToFormValues(meeting));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [dirty, setDirty] = useState(false);

  // take fresh server values unless the secretary is in the middle of editing
  useEffect(() => {
    if (!dirty) setValues(meetingToFormValues(meeting));
  }, [meeting, dirty]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    // the create schema carries the "deadline after release" rule; the council is not editable
    const parsed = createMeetingRequest.safeParse({ councilId: meeting.councilId, ...formValuesToFields(values, meeting.councilTimeZone) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    const { councilId: _council, ...body } = parsed.data;
    update.mutate(body, { onSuccess: () => setDirty(false) });
  };

  return (
    <>
      <MeetingStatusControls meeting={meeting} />
      <form className="card section" onSubmit={onSubmit} noValidate data-testid="meeting-form">
        <h2>{t.meetingForm.editTitle}</h2>
        <p className="muted">
          {t.meetingForm.council}: <strong>{meeting.councilName}</strong>
        </p>
        {update.isError && <ErrorMessage error={update.error} />}
        {update.isSuccess && !dirty && (
          <p className="alert alert-success" role="status">
            {t.common.saved}
          </p>
        )}
        <MeetingFieldset
          timeZone={meeting.councilTimeZone}
          values={values}
          errors={errors}
          onChange={(v) => {
            setValues(v);
            setDirty(true);
          }}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={update.isPending || !dirty} data-testid="meeting-save">
            {update.isPending ? t.common.saving : t.common.save}
          </button>
          {dirty && (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => {
                setValues(meetingToFormValues(meeting));
                setErrors({});
                setDirty(false);
              }}
            >
              {t.common.cancel}
            </button>
          )}
        </div>
      </form>
    </>
  );
}
