import { configDefaults, defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real Paddle wheels: `npm run test:real` (vitest.real.config.ts), not the fast offline suite.
    exclude: [...configDefaults.exclude, "test/real/**"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks",
  },
});
