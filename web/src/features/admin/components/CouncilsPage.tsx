import { useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { LoadingState } from '../../../ui/LoadingState';
import { useDocumentTitle } from '../../../ui/useDocumentTitle';
import { CouncilSessionRules } from '../../councils/components/CouncilSessionRules';
import { useCouncils } from '../../councils/hooks/useCouncils';
import { useCouncilMutations } from '../hooks/useCouncilMutations';
import { CouncilForm } from './CouncilForm';
import { CouncilStaffEditor } from './CouncilStaffEditor';
import { SigningCertificateCard } from '../../signatures/components/SigningCertificateCard';
import './admin.css';

type Open = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; id: string } | { kind: 'staff'; id: string } | { kind: 'signing'; id: string } | { kind: 'rules'; id: string };

export function CouncilsPage() {
  const { t } = useI18n();
  useDocumentTitle(t.admin.councilsTitle);
  const councils = useCouncils();
  const { create, update, setStaff } = useCouncilMutations();
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const close = () => {
    setOpen({ kind: 'none' });
    create.reset();
    update.reset();
    setStaff.reset();
  };

  return (
    <section data-testid="councils-page">
      <div className="page-header">
        <h1>{t.admin.councilsTitle}</h1>
        {open.kind !== 'create' && (
          <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="council-create">
            <span aria-hidden="true">+</span> {t.admin.createCouncil}
          </button>
        )}
      </div>
      {open.kind === 'create' && (
        <CouncilForm pending={create.isPending} error={create.error} onSubmit={(body) => create.mutate(body, { onSuccess: close })} onCancel={close} />
      )}
      {councils.isPending && <LoadingState />}
      {councils.isError && <ErrorMessage error={councils.error} onRetry={() => void councils.refetch()} />}
      {councils.data && councils.data.length === 0 && <p className="empty-state">{t.admin.noCouncils}</p>}
      <ul className="council-list">
        {councils.data?.map((council) => (
          <li key={council.id} className="card council-card" data-testid="council-row" data-council-id={council.id}>
            {open.kind === 'edit' && open.id === council.id ? (
              <CouncilForm
                initial={council}
                pending={update.isPending}
                error={update.error}
                onSubmit={(body) => update.mutate({ id: council.id, body }, { onSuccess: close })}
                onCancel={close}
              />
            ) : (
              <>
                <div className="council-card-head">
                  <h2>{council.name}</h2>
                  <span className="badge badge-draft">{t.councilLevels[council.level]}</span>
                </div>
                <div className="button-row">
                  <button type="button" className="button button-secondary" onClick={() => setOpen({ kind: 'edit', id: council.id })}>
                    {t.common.edit}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-expanded={open.kind === 'staff' && open.id === council.id}
                    onClick={() => setOpen(open.kind === 'staff' && open.id === council.id ? { kind: 'none' } : { kind: 'staff', id: council.id })}
                    data-testid="council-staff"
                  >
                    {t.admin.editStaff}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-expanded={open.kind === 'signing' && open.id === council.id}
                    onClick={() => setOpen(open.kind === 'signing' && open.id === council.id ? { kind: 'none' } : { kind: 'signing', id: council.id })}
                    data-testid="council-signing"
                  >
                    {t.signatures.manageCertificate}
                  </button>
                  <button
                    type="button"
                    className="button button-secondary"
                    aria-expanded={open.kind === 'rules' && open.id === council.id}
                    onClick={() => setOpen(open.kind === 'rules' && open.id === council.id ? { kind: 'none' } : { kind: 'rules', id: council.id })}
                    data-testid="council-rules-open"
                  >
                    {t.floor.rulesButton}
                  </button>
                </div>
              </>
            )}
            {open.kind === 'staff' && open.id === council.id && <CouncilStaffEditor councilId={council.id} mutation={setStaff} onDone={close} />}
            {open.kind === 'signing' && open.id === council.id && <SigningCertificateCard councilId={council.id} />}
            {open.kind === 'rules' && open.id === council.id && <CouncilSessionRules councilId={council.id} editable onDone={close} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
