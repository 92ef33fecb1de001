/** `1 item`, `2 items`: a count and its noun, for messages in every stage. */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : pluralForm}`;
}
