import type { Breakout, BreakoutGroup } from '@hopso/shared';

export interface GroupOf {
  breakout: Breakout;
  group: BreakoutGroup;
}

/** The group a person is in while a breakout runs (one at a time: breakouts follow the agenda). */
export function runningGroupOf(breakouts: readonly Breakout[] | undefined, userId: string): GroupOf | null {
  for (const breakout of breakouts ?? []) {
    if (breakout.status !== 'running') continue;
    const group = breakout.groups.find((g) => g.memberIds.includes(userId));
    if (group) return { breakout, group };
  }
  return null;
}

export function findGroup(breakouts: readonly Breakout[] | undefined, groupId: string): GroupOf | null {
  for (const breakout of breakouts ?? []) {
    const group = breakout.groups.find((g) => g.id === groupId);
    if (group) return { breakout, group };
  }
  return null;
}

/**
 * The groups a person may see in the plenary view. The live event carries every group; the REST
 * list gives a delegate only their own: filter the same way, so the page never depends on which came last.
 */
export function visibleGroups(breakout: Breakout, userId: string, staff: boolean): BreakoutGroup[] {
  return staff ? breakout.groups : breakout.groups.filter((g) => g.memberIds.includes(userId));
}

/** sessionStorage mark: this tab already moved into this group's room once, so "back" is not undone. */
export const enteredKey = (groupId: string) => `hopso.breakout.entered.${groupId}`;

export function markEntered(groupId: string): void {
  try {
    sessionStorage.setItem(enteredKey(groupId), '1');
  } catch {
    // storage blocked (private mode): the redirect may repeat, nothing worse
  }
}

export function wasEntered(groupId: string): boolean {
  try {
    return sessionStorage.getItem(enteredKey(groupId)) === '1';
  } catch {
    return false;
  }
}
