// dist/cli/main.bundle.js is dist/cli/main.js bundled (scripts/bundle.mjs):
// same exports. This gives src/cli.ts's import of it its types.
export * from "./main.js";
