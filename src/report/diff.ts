// Unified diff of one file's change, in the a/ b/ form git and patch read.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";

export function unifiedDiff(displayPath: string, before: string, after: string): string {
  const name = displayPath.replace(/^\/+/, "");
  return createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
