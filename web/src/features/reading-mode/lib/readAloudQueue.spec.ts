import { pickVietnameseVoice, ReadAloudQueue, type ReadAloudState, type Synth } from './readAloudQueue';

type FakeUtterance = { text: string; lang: string; rate: number; voice: unknown; onend: (() => void) | null; onerror: ((e: { error: string }) => void) | null };

/** A speech engine that records what it is asked and ends an utterance when told to. */
function fakeSynth() {
  const spoken: FakeUtterance[] = [];
  const calls: string[] = [];
  let current: FakeUtterance | null = null;
  const synth: Synth = {
    speak: (u) => {
      current = u as unknown as FakeUtterance;
      spoken.push(current);
    },
    cancel: () => {
      calls.push('cancel');
      // a real engine reports the cancelled utterance as interrupted
      const was = current;
      current = null;
      was?.onerror?.({ error: 'interrupted' });
    },
    pause: () => calls.push('pause'),
    resume: () => calls.push('resume'),
  };
  return { synth, spoken, calls, finish: () => current?.onend?.() };
}

const ITEMS = [
  { index: 0, text: 'Điều 1. Phạm vi' },
  { index: 1, text: '1. Khoản một.' },
  { index: 2, text: '   ' },
  { index: 3, text: '2. Khoản hai.' },
];
const voice = { lang: 'vi-VN', name: 'Tiếng Việt' } as SpeechSynthesisVoice;

function queue() {
  const f = fakeSynth();
  const states: ReadAloudState[] = [];
  const q = new ReadAloudQueue(f.synth, (text) => ({ text, onend: null, onerror: null }) as unknown as SpeechSynthesisUtterance, voice, (s) => states.push(s));
  return { ...f, q, states };
}

describe('ReadAloudQueue', () => {
  it('reads paragraph by paragraph in order, in Vietnamese, skipping empty ones, then stops', () => {
    const { q, spoken, finish, states } = queue();
    q.start(ITEMS, 0);
    finish();
    finish();
    finish();
    expect(spoken.map((u) => u.text)).toEqual(['Điều 1. Phạm vi', '1. Khoản một.', '2. Khoản hai.']);
    expect(spoken.every((u) => u.lang === 'vi-VN' && u.voice === voice)).toBe(true);
    expect(states.map((s) => (s.status === 'idle' ? 'idle' : `${s.status} ${s.index}`))).toEqual(['speaking 0', 'speaking 1', 'speaking 3', 'idle']);
  });

  it('starts from the current paragraph, and a skip moves on exactly one although the engine reports the cut', () => {
    const { q, spoken, states } = queue();
    q.start(ITEMS, 1);
    q.skip();
    expect(spoken.map((u) => u.text)).toEqual(['1. Khoản một.', '2. Khoản hai.']);
    expect(states.at(-1)).toEqual({ status: 'speaking', index: 3 });
  });

  it('pauses and resumes the engine, and a new speed reads the paragraph again at it', () => {
    const { q, spoken, calls, states } = queue();
    q.start(ITEMS, 0);
    q.pause();
    expect(states.at(-1)).toEqual({ status: 'paused', index: 0 });
    q.resume();
    expect(calls).toContain('pause');
    expect(calls).toContain('resume');
    q.setRate(1.5);
    expect(spoken.map((u) => [u.text, u.rate])).toEqual([
      ['Điều 1. Phạm vi', 1],
      ['Điều 1. Phạm vi', 1.5],
    ]);
    q.stop();
    expect(states.at(-1)).toEqual({ status: 'idle' });
  });
});

describe('pickVietnameseVoice', () => {
  it('takes a Vietnamese voice, on the device first, and none rather than another language', () => {
    const en = { lang: 'en-US', name: 'English', localService: true };
    const viRemote = { lang: 'vi-VN', name: 'Google tiếng Việt', localService: false };
    const viLocal = { lang: 'vi_VN', name: 'Linh', localService: true };
    expect(pickVietnameseVoice([en, viRemote, viLocal])).toBe(viLocal);
    expect(pickVietnameseVoice([en, viRemote])).toBe(viRemote);
    expect(pickVietnameseVoice([en, { lang: 'vie', name: 'x' }])).toBeNull();
  });
});
