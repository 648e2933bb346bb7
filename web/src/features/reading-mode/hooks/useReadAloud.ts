import { useEffect, useMemo, useRef, useState } from 'react';
import type { Paragraph } from '@hopso/shared';
import { normaliseText } from '../../reading-room/lib/selectionAnchor';
import { pickVietnameseVoice, ReadAloudQueue, type ReadAloudState } from '../lib/readAloudQueue';

export type VoiceAvailability = 'unsupported' | 'loading' | 'none' | 'ready';

/** How long to wait for the browser to list its voices (Chrome lists them a moment after load). */
const VOICES_WAIT_MS = 1500;

/** Read aloud (đọc to) with the device's Vietnamese voice, paragraph by paragraph. */
export function useReadAloud(paragraphs: readonly Paragraph[] | null) {
  const synth = typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : null;
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(null);
  const [availability, setAvailability] = useState<VoiceAvailability>(synth ? 'loading' : 'unsupported');
  const [state, setState] = useState<ReadAloudState>({ status: 'idle' });
  const [rate, setRate] = useState(1);

  useEffect(() => {
    if (!synth) return undefined;
    const look = (final: boolean) => {
      const found = pickVietnameseVoice(synth.getVoices());
      setVoice(found);
      if (found) setAvailability('ready');
      else if (final || synth.getVoices().length > 0) setAvailability('none');
    };
    look(false);
    const onVoices = () => look(false);
    synth.addEventListener?.('voiceschanged', onVoices);
    const timer = window.setTimeout(() => look(true), VOICES_WAIT_MS);
    return () => {
      synth.removeEventListener?.('voiceschanged', onVoices);
      window.clearTimeout(timer);
    };
  }, [synth]);

  const queue = useMemo(
    () => (synth && voice ? new ReadAloudQueue(synth, (text) => new SpeechSynthesisUtterance(text), voice, setState) : null),
    [synth, voice],
  );
  const queueRef = useRef(queue);
  queueRef.current = queue;
  // leaving the document stops the voice
  useEffect(() => () => queue?.stop(), [queue]);

  return {
    availability,
    state,
    rate,
    start: (fromIndex: number) => {
      if (!queue || !paragraphs) return;
      queue.setRate(rate);
      queue.start(
        paragraphs.map((p) => ({ index: p.index, text: normaliseText(p.text) })),
        fromIndex,
      );
    },
    pause: () => queueRef.current?.pause(),
    resume: () => queueRef.current?.resume(),
    skip: () => queueRef.current?.skip(),
    stop: () => queueRef.current?.stop(),
    changeRate: (next: number) => {
      setRate(next);
      queueRef.current?.setRate(next);
    },
  };
}

export type ReadAloud = ReturnType<typeof useReadAloud>;
