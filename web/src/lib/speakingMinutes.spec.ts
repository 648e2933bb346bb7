import { DEFAULT_SPEAKING_TIMES } from '@hopso/shared';
import { minutesToTimes, timesToMinutes } from './speakingMinutes';

describe('speaking times in minutes', () => {
  it('shows seconds as Vietnamese minutes and reads them back, comma or point', () => {
    const shown = timesToMinutes({ ...DEFAULT_SPEAKING_TIMES, reply: 150 });
    expect(shown).toMatchObject({ contribution: '7', reply: '2,5', procedural: '1' });
    expect(minutesToTimes({ ...shown, followup: '1.5' })).toEqual({ times: { ...DEFAULT_SPEAKING_TIMES, reply: 150, followup: 90 }, bad: [] });
  });

  it('names every type whose minutes are not a number from 0,5 to 60', () => {
    const shown = timesToMinutes(DEFAULT_SPEAKING_TIMES);
    const { bad } = minutesToTimes({ ...shown, contribution: '0', reply: 'ba', procedural: '61', question: '', followup: '-1', answer: '1e2' });
    expect(bad).toEqual(['contribution', 'reply', 'procedural', 'question', 'followup', 'answer']);
    expect(minutesToTimes({ ...shown, contribution: '0,5', answer: '60' }).bad).toEqual([]);
  });
});
