import type { Paragraph } from '@hopso/shared';
import { useI18n } from '../../../i18n/useI18n';
import { excerpt } from '../lib/selectionAnchor';
import { Sheet } from './Sheet';

/** Which of a few neighbouring paragraphs a shared margin button was meant for: one big row each. */
export function ParagraphChooserSheet({ paragraphs, onChoose, onClose }: { paragraphs: readonly Paragraph[]; onChoose: (p: Paragraph) => void; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Sheet title={t.readingRoom.chooseParagraph} onClose={onClose} testId="paragraph-chooser">
      <p className="field-hint">{t.readingRoom.chooseParagraphHint}</p>
      <ul className="choice-list">
        {paragraphs.map((p) => (
          <li key={p.id}>
            <button type="button" className="choice" onClick={() => onChoose(p)} data-testid="paragraph-choice" data-paragraph-id={p.id}>
              <span className="choice-kicker">{p.label ?? t.readingRoom.paragraph(p.index + 1)}</span>
              <span className="choice-text">{excerpt(p.text, 110)}</span>
            </button>
          </li>
        ))}
      </ul>
    </Sheet>
  );
}
