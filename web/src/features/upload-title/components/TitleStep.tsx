import { useEffect, useState } from 'react';
import { useI18n } from '../../../i18n/useI18n';
import { suggestTitle } from '../lib/suggestTitle';

interface Staged {
  file: File;
  title: string;
  /** Still reading the suggestion from the PDF. */
  reading: boolean;
}

/**
 * Before an upload: the title of each chosen PDF, suggested from its Title metadata or first heading,
 * for the secretary to confirm or correct (a document is otherwise named after its file).
 */
export function TitleStep({ files, onUpload, onCancel }: { files: readonly File[]; onUpload: (titles: string[]) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [staged, setStaged] = useState<Staged[]>(() => files.map((file) => ({ file, title: '', reading: true })));

  useEffect(() => {
    let stopped = false;
    files.forEach((file, i) => {
      void suggestTitle(file).then((title) => {
        if (stopped) return;
        // a title the secretary already typed stays
        setStaged((prev) => prev.map((s, j) => (j === i ? { ...s, title: s.title || title, reading: false } : s)));
      });
    });
    return () => {
      stopped = true;
    };
  }, [files]);

  const ready = staged.every((s) => s.title.trim().length > 0);
  return (
    <form
      className="upload-titles"
      data-testid="upload-titles"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) onUpload(staged.map((s) => s.title.trim()));
      }}
    >
      <ul className="upload-title-list">
        {staged.map((s, i) => (
          <li key={`${s.file.name}-${i}`} className="field">
            <label htmlFor={`upload-title-${i}`}>
              {t.uploadTitle.label}: <span className="muted">{s.file.name}</span>
            </label>
            <input
              id={`upload-title-${i}`}
              className="input"
              value={s.title}
              maxLength={300}
              placeholder={s.reading ? t.uploadTitle.reading : ''}
              onChange={(e) => {
                const title = e.target.value;
                setStaged((prev) => prev.map((x, j) => (j === i ? { ...x, title } : x)));
              }}
              data-testid="upload-title-input"
              data-file-name={s.file.name}
              data-reading={s.reading ? 'true' : 'false'}
              required
            />
            <p className="field-hint">{t.uploadTitle.hint}</p>
          </li>
        ))}
      </ul>
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={!ready} data-testid="upload-start">
          {t.uploadTitle.upload}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t.common.cancel}
        </button>
      </div>
    </form>
  );
}
