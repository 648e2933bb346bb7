/**
 * Deals people into `groupCount` groups whose sizes differ by at most one. People
 * are dealt in the given order, so sorting by constituency first spreads each
 * constituency's delegates over the groups.
 */
export function balancedSplit<T>(people: readonly T[], groupCount: number): T[][] {
  const groups: T[][] = Array.from({ length: groupCount }, () => []);
  people.forEach((p, i) => groups[i % groupCount].push(p));
  return groups;
}
