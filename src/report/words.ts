// Small wording helpers shared by the report texts and doctor.

/** `1 file`, `2 files`; `many` for nouns that do not just take an s. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * `2 .py files and 1 folder skipped by ignore rules (--no-ignore to include)`,
 * or null when ignore rules kept nothing out. Folders are counted as units:
 * they are not looked into.
 */
export function ignoredNote(s: { ignoredFiles: number; ignoredFolders: number }): string | null {
  const parts: string[] = [];
  if (s.ignoredFiles) parts.push(plural(s.ignoredFiles, ".py file"));
  if (s.ignoredFolders) parts.push(plural(s.ignoredFolders, "folder"));
  return parts.length ? `${parts.join(" and ")} skipped by ignore rules (--no-ignore to include)` : null;
}
