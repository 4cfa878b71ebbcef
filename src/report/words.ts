// Small wording helpers shared by the report texts and doctor.

/** `1 file`, `2 files`; `many` for nouns that do not just take an s. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
