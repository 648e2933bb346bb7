/** The list with `item` in place of the entry with its id, or added at the end. */
export function upsertById<T extends { id: string }>(list: readonly T[] | undefined, item: T): T[] {
  const current = list ?? [];
  return current.some((x) => x.id === item.id) ? current.map((x) => (x.id === item.id ? item : x)) : [...current, item];
}
