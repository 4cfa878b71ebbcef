// The CommonJS entry point (package.json "exports" → "require"). The library
// is an ES module and there is no CommonJS build. Node 20.19+ and 22.12+
// load an ES module from require(), synchronously and as the very instance
// import() gives, so this file hands that over. Where Node cannot (older
// releases, or --no-experimental-require-module), the caller gets an error
// that says what to write instead of Node's, which names our dist/ files.
type Library = typeof import("./index.js");

function load(): Library {
  try {
    return require("./index.js") as Library;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (code !== "ERR_REQUIRE_ESM" && code !== "ERR_REQUIRE_ASYNC_MODULE") throw error;
    throw new Error(
      `paddle-fullgraph-fix is an ES module (ESM only), and require() in this Node (${process.version}) cannot load ES modules. ` +
        `Use import() from CommonJS instead: const { fixSource } = await import("paddle-fullgraph-fix"); ` +
        `or run Node 20.19+ or 22.12+, whose require() loads ES modules.`,
      { cause: error },
    );
  }
}

export = load();
