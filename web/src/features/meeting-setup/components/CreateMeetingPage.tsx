import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { councilCan, councilRoleOf, createMeetingRequest, DEFAULT_TIME_ZONE } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { fieldErrors, type FieldErrors } from '../../../lib/formErrors';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { SelectField } from '../../../ui/SelectField';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { useRequiredUser } from '../../auth/hooks/useRequiredUser';
import { useCouncils } from '../../councils/hooks/useCouncils';
import { useCreateMeeting } from '../hooks/useCreateMeeting';
import { defaultMeetingFormValues, formValuesToFields } from '../lib/meetingFormValues';
import { MeetingFieldset } from './MeetingFieldset';
import './setup.css';

export function CreateMeetingPage() {
  const { t } = useI18n();
  useDocumentTitle(t.meetingForm.createTitle);
  const user = useRequiredUser();
  const councils = useCouncils();
  const create = useCreateMeeting();
  const navigate = useNavigate();
  const [councilId, setCouncilId] = useState('');
  const [values, setValues] = useState(defaultMeetingFormValues);
  const [errors, setErrors] = useState<FieldErrors>({});

  const allowed = (councils.data ?? []).filter((c) => councilCan(councilRoleOf(user.isAdmin, user.staffOfCouncilIds.includes(c.id)), 'council.createMeeting'));
  const chosen = councilId || (allowed.length === 1 ? allowed[0].id : '');
  const timeZone = allowed.find((c) => c.id === chosen)?.timeZone ?? DEFAULT_TIME_ZONE;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = createMeetingRequest.safeParse({ councilId: chosen, ...formValuesToFields(values, timeZone) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues, t));
      return;
    }
    setErrors({});
    create.mutate(parsed.data, { onSuccess: (meeting) => navigate(`/meetings/${meeting.id}/setup`) });
  };

  return (
    <section className="narrow">
      <Link to="/" className="breadcrumb">
        ← {t.meeting.backToList}
      </Link>
      <h1>{t.meetingForm.createTitle}</h1>
      {councils.isPending && <LoadingState />}
      {councils.isError && <ErrorMessage error={councils.error} onRetry={() => void councils.refetch()} />}
      {councils.isSuccess && allowed.length === 0 && <p className="alert alert-warning">{t.meetingForm.noCouncil}</p>}
      {councils.isSuccess && allowed.length > 0 && (
        <form className="card" onSubmit={onSubmit} noValidate data-testid="create-meeting-form">
          {create.isError && <ErrorMessage error={create.error} />}
          <SelectField label={t.meetingForm.council} value={chosen} onChange={(e) => setCouncilId(e.target.value)} error={errors.councilId} testId="meeting-council">
            {allowed.length > 1 && <option value="">{t.meetingForm.chooseCouncil}</option>}
            {allowed.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </SelectField>
          <MeetingFieldset timeZone={timeZone} values={values} errors={errors} onChange={setValues} />
          {Object.keys(errors).length > 0 && <p className="field-error" role="alert">{t.validation.fixErrors}</p>}
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={create.isPending} data-testid="create-meeting-submit">
              {create.isPending ? t.meetingForm.creating : t.meetingForm.submitCreate}
            </button>
            <Link to="/" className="button button-ghost">
              {t.common.cancel}
            </Link>
          </div>
        </form>
      )}
    </section>
  );
}
