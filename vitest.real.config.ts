// `npm run test:real`: the export matrix against real paddlepaddle wheels
// (test/real). Slow and online the first time; environments are cached.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/real/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 90 * 60_000,
    pool: "forks",
  },
});
