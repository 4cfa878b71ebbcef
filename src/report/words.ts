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
  const counted = filesAndFolders(s.ignoredFiles, s.ignoredFolders);
  return counted ? `${counted} skipped by ignore rules (--no-ignore to include)` : null;
}

/** `1 .py file and 2 folders excluded (--exclude)`, or null when --exclude kept nothing out. */
export function excludedNote(s: { excludedFiles: number; excludedFolders: number }): string | null {
  const counted = filesAndFolders(s.excludedFiles, s.excludedFolders);
  return counted ? `${counted} excluded (--exclude)` : null;
}

/** `2 .py files and 1 folder`, or null for none of either. */
export function filesAndFolders(files: number, folders: number): string | null {
  const parts: string[] = [];
  if (files) parts.push(plural(files, ".py file"));
  if (folders) parts.push(plural(folders, "folder"));
  return parts.length ? parts.join(" and ") : null;
}
