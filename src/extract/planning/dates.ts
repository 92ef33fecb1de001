const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A `YYYY-MM-DD` string that names a real calendar day (2026-02-30 does not), else null. */
export function isoDate(text: string): string | null {
  const match = ISO_DATE.exec(text.trim());
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? match[0] : null;
}

/** Splits a written list of refs (`T010, T011 and T012`, `abc,def`) into its refs, in order, without repeats. */
export function refList(text: string): string[] {
  const refs = text.split(/\s*(?:,|;|\band\b|&)\s*|\s+/).map((r) => r.trim()).filter((r) => r !== '');
  return [...new Set(refs)];
}
