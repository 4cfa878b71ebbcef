// `npm run test:real`: the export matrix against real paddlepaddle wheels
// (test/real). Slow and online the first time; environments are cached.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/real/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 90 * 60_000,
    pool: "forks",
    // One file at a time: the files share the cached environments (an
    // environment being built must not be read by another file), and each
    // keeps the two cores busy on its own.
    fileParallelism: false,
  },
});
