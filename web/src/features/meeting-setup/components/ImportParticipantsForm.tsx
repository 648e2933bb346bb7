import { useRef, useState, type FormEvent } from 'react';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ParticipantImportResult } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { ErrorMessage } from '../../../ui/ErrorMessage';
import { ImportResultPanel } from './ImportResultPanel';

const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportParticipantsForm({ mutation }: { mutation: UseMutationResult<ParticipantImportResult, unknown, File> }) {
  const { t } = useI18n();
  const inputRef = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      inputRef.current?.focus();
      return;
    }
    mutation.mutate(file, {
      onSuccess: () => {
        setFile(null);
        if (inputRef.current) inputRef.current.value = '';
      },
    });
  };

  return (
    <section className="card section" aria-labelledby="import-heading" data-testid="import-participants">
      <h2 id="import-heading">{t.participants.importTitle}</h2>
      <p className="muted">{t.participants.importHint}</p>
      <form onSubmit={submit} className="import-form">
        <div className="file-choice">
          <input
            ref={inputRef}
            id="participants-file"
            type="file"
            accept={ACCEPT}
            className="visually-hidden file-picker-input"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            data-testid="import-file"
          />
          <label htmlFor="participants-file" className="button button-secondary file-picker-label">
            {t.participants.importFile}
          </label>
          <span className="file-choice-name" data-testid="import-file-name">
            {file ? file.name : t.participants.noFileChosen}
          </span>
        </div>
        <button type="submit" className="button button-primary" disabled={!file || mutation.isPending} data-testid="import-submit">
          {mutation.isPending ? t.participants.importing : t.participants.importSubmit}
        </button>
      </form>
      {mutation.isError && <ErrorMessage error={mutation.error} testId="import-error" />}
      {mutation.data && <ImportResultPanel result={mutation.data} />}
    </section>
  );
}
