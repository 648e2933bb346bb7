/** Under the council's own key, so refreshing the councils refreshes these too. */
export const councilKeys = {
  votingSettings: (councilId: string) => ['councils', councilId, 'voting-settings'] as const,
  speakingTimes: (councilId: string) => ['councils', councilId, 'speaking-times'] as const,
};
