/** One group per tổ đại biểu (the participant's unit from the import), in natural order ("số 2" before "số 10"); no unit → one last group. */
export function splitByUnit<P extends { userId: string; unit: string }>(delegates: readonly P[], noUnitName: string): { name: string; memberIds: string[] }[] {
  const byUnit = new Map<string, string[]>();
  for (const p of delegates) {
    const unit = p.unit.trim();
    const list = byUnit.get(unit) ?? [];
    list.push(p.userId);
    byUnit.set(unit, list);
  }
  const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
  const named = [...byUnit.keys()].filter((u) => u !== '').sort(collator.compare);
  const groups = named.map((unit) => ({ name: unit.slice(0, 100), memberIds: byUnit.get(unit) ?? [] }));
  const none = byUnit.get('');
  if (none) groups.push({ name: noUnitName, memberIds: none });
  return groups;
}
