/** The parts of the browser's speech synthesis the queue uses (window.speechSynthesis satisfies it). */
export interface Synth {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  pause(): void;
  resume(): void;
}

export interface VoiceLike {
  lang: string;
  name: string;
  localService?: boolean;
  default?: boolean;
}

/** The device's Vietnamese voice, preferring one on the device (works offline); null when there is none. */
export function pickVietnameseVoice<V extends VoiceLike>(voices: readonly V[]): V | null {
  const vi = voices.filter((v) => /^vi(?:[-_]|$)/i.test(v.lang));
  return vi.find((v) => v.localService) ?? vi[0] ?? null;
}

export const READ_ALOUD_RATES = [0.75, 1, 1.25, 1.5] as const;

export type ReadAloudState = { status: 'idle' } | { status: 'speaking' | 'paused'; index: number };

interface Item {
  index: number;
  text: string;
}

/**
 * Reads paragraphs aloud one by one, in document order: one utterance per paragraph, the next
 * started when the last ends. Events of an utterance that was cancelled (skip, speed, stop) are
 * ignored, so a skip never advances twice.
 */
export class ReadAloudQueue {
  private items: Item[] = [];
  private at = -1;
  private token = 0;
  private rate = 1;
  private state: ReadAloudState = { status: 'idle' };

  constructor(
    private readonly synth: Synth,
    private readonly makeUtterance: (text: string) => SpeechSynthesisUtterance,
    private readonly voice: SpeechSynthesisVoice | null,
    private readonly onChange: (state: ReadAloudState) => void,
  ) {}

  /** Starts reading `items` from the one with paragraph index `fromIndex` (or the next after it). */
  start(items: readonly Item[], fromIndex: number): void {
    this.items = items.filter((i) => i.text.trim() !== '');
    const first = this.items.findIndex((i) => i.index >= fromIndex);
    this.speakAt(first < 0 ? 0 : first);
  }

  pause(): void {
    if (this.state.status !== 'speaking') return;
    this.synth.pause();
    this.set({ status: 'paused', index: this.state.index });
  }

  resume(): void {
    if (this.state.status !== 'paused') return;
    this.synth.resume();
    this.set({ status: 'speaking', index: this.state.index });
  }

  /** On to the next paragraph. */
  skip(): void {
    if (this.state.status === 'idle') return;
    this.speakAt(this.at + 1);
  }

  /** A new speed: the paragraph being read starts again at it. */
  setRate(rate: number): void {
    this.rate = rate;
    if (this.state.status !== 'idle') this.speakAt(this.at);
  }

  stop(): void {
    this.token++;
    this.synth.cancel();
    this.at = -1;
    this.set({ status: 'idle' });
  }

  private speakAt(position: number): void {
    const token = ++this.token;
    this.synth.cancel();
    const item = this.items[position];
    if (!item) {
      this.at = -1;
      this.set({ status: 'idle' });
      return;
    }
    this.at = position;
    const utterance = this.makeUtterance(item.text);
    utterance.lang = this.voice?.lang ?? 'vi-VN';
    if (this.voice) utterance.voice = this.voice;
    utterance.rate = this.rate;
    utterance.onend = () => {
      if (token === this.token) this.speakAt(position + 1);
    };
    utterance.onerror = (event) => {
      // "interrupted"/"canceled" come from our own cancel; anything else ends the reading
      if (token !== this.token || event.error === 'interrupted' || event.error === 'canceled') return;
      this.stop();
    };
    this.set({ status: 'speaking', index: item.index });
    this.synth.speak(utterance);
  }

  private set(state: ReadAloudState): void {
    this.state = state;
    this.onChange(state);
  }
}
