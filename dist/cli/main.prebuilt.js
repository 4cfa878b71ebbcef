var __defProp = Object.defineProperty;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};

// dist/model.js
var PENDING_REVIEW_CODES, UNCHECKED_FILE_CODES, UserError;
var init_model = __esm({
  "dist/model.js"() {
    "use strict";
    PENDING_REVIEW_CODES = /* @__PURE__ */ new Set(["needs-review/full-graph-false-read"]);
    UNCHECKED_FILE_CODES = /* @__PURE__ */ new Set([
      "file/syntax-error",
      "file/unsupported-encoding",
      "file/not-utf8",
      "file/link-outside"
    ]);
    UserError = class extends Error {
    };
  }
});

// dist/files/exclude.js
import path from "node:path";
import picomatch from "picomatch";
function checkExcludePattern(pattern) {
  if (pattern.trim() === "") {
    throw new UserError(`--exclude needs a pattern, and ${JSON.stringify(pattern)} is empty (it would match nothing); e.g. --exclude 'legacy/' (a folder at any depth) or --exclude 'deploy/**' (below the walked folder)`);
  }
}
function isPathPattern(pattern) {
  return path.isAbsolute(pattern) || /^\.\.?(\/|$)/.test(pattern);
}
function rule(pattern, cwd) {
  checkExcludePattern(pattern);
  const foldersOnly = /\/+$/.test(pattern) && pattern.replace(/\/+$/, "") !== "";
  const body = foldersOnly ? pattern.replace(/\/+$/, "") : pattern;
  const options = { dot: true };
  if (isPathPattern(body)) {
    const resolved = toPosix(path.resolve(cwd, body));
    return { pattern, kind: "path", foldersOnly, resolved, test: picomatch(resolved, options) };
  }
  const kind = body.includes("/") ? "below" : "name";
  return { pattern, kind, foldersOnly, test: picomatch(body, options) };
}
function compileExcludes(patterns, cwd = process.cwd()) {
  const rules = patterns.map((p) => rule(p, cwd));
  const matchOne = (r, below, full, isDir3) => {
    if (r.foldersOnly && !isDir3)
      return false;
    if (r.kind === "path")
      return r.test(toPosix(full));
    if (r.kind === "name")
      return r.test(path.basename(full));
    return below !== null && r.test(below);
  };
  const matches = (root, full, isDir3) => {
    if (!rules.length)
      return false;
    const below = pathBelow(root, full);
    return rules.some((r) => matchOne(r, below, full, isDir3));
  };
  const coversNamed = (full, isDir3) => {
    if (!rules.length)
      return false;
    const abs = path.resolve(cwd, full);
    if (matches(cwd, abs, isDir3))
      return true;
    for (let dir = path.dirname(abs); ; dir = path.dirname(dir)) {
      if (pathBelow(cwd, dir) !== null ? matches(cwd, dir, true) : rules.some((r) => r.kind === "path" && matchOne(r, null, dir, true)))
        return true;
      if (dir === path.dirname(dir))
        return false;
    }
  };
  return { rules, matches, coversNamed };
}
function pathBelow(root, full) {
  const rel = path.relative(root, full);
  if (rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel))
    return null;
  return toPosix(rel);
}
function unreachablePathPatterns(excludes, walked) {
  const roots = walked.map((w) => toPosix(path.resolve(w)));
  return excludes.rules.filter((r) => {
    if (r.kind !== "path")
      return false;
    const base = picomatch.scan(r.resolved).base.replace(/\/+$/, "") || "/";
    return !roots.some((root) => base === root || base.startsWith(`${root}/`) || root.startsWith(base === "/" ? "/" : `${base}/`));
  });
}
var toPosix;
var init_exclude = __esm({
  "dist/files/exclude.js"() {
    "use strict";
    init_model();
    toPosix = (p) => path.sep === "/" ? p : p.split(path.sep).join("/");
  }
});

// dist/files/encoding.js
function decodeSource(bytes) {
  if (bytes.includes(0))
    return { ok: false, code: "file/binary", reason: "binary file (contains a NUL byte)" };
  const hasBom = bytes.subarray(0, 3).equals(BOM);
  const declared = declaredEncoding(bytes);
  const name = declared?.toLowerCase().replace(/_/g, "-");
  if (name && LATIN1.has(name) && !hasBom) {
    return { ok: true, text: bytes.toString("latin1"), encode: (t) => Buffer.from(t, "latin1"), encoding: "latin-1" };
  }
  if (name && !UTF8.has(name) && !UTF8.has(name.replace(/-/g, "_"))) {
    return { ok: false, code: "file/unsupported-encoding", reason: `encoding '${declared}' is not supported for editing; file left alone` };
  }
  const body = hasBom ? bytes.subarray(3) : bytes;
  let text;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
  } catch {
    return { ok: false, code: "file/not-utf8", reason: "not valid UTF-8 and no PEP 263 coding line; file left alone" };
  }
  const encode = hasBom ? (t) => Buffer.concat([BOM, Buffer.from(t, "utf8")]) : (t) => Buffer.from(t, "utf8");
  return { ok: true, text, encode, encoding: hasBom ? "utf-8-sig" : "utf-8" };
}
function declaredEncoding(bytes) {
  const head = bytes.subarray(0, 400).toString("latin1").split(/\r?\n|\r/).slice(0, 2);
  for (const line of head) {
    const m = CODING.exec(line);
    if (m)
      return m[1];
    if (!/^[ \t\f]*(#.*)?$/.test(line))
      break;
  }
  return null;
}
var BOM, CODING, LATIN1, UTF8;
var init_encoding = __esm({
  "dist/files/encoding.js"() {
    "use strict";
    BOM = Buffer.from([239, 187, 191]);
    CODING = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
    LATIN1 = /* @__PURE__ */ new Set(["latin-1", "latin1", "iso-8859-1", "iso8859-1", "l1", "cp819", "iso-latin-1"]);
    UTF8 = /* @__PURE__ */ new Set(["utf-8", "utf8", "utf_8", "u8"]);
  }
});

// dist/files/fs-layer.js
import { closeSync, constants, fstatSync, openSync, promises as fs, readdirSync, readSync } from "node:fs";
function readSourceText(file, maxBytes = DEFAULT_MAX_FILE_BYTES) {
  try {
    const decoded = decodeSource(readRegularFileSync(file, maxBytes, O.readSource).bytes);
    return decoded.ok ? decoded.text : null;
  } catch {
    return null;
  }
}
async function readRegularFile(layer, file, maxBytes, flags = O.readSource) {
  if (layer === nodeFs)
    return readRegularFileSync(file, maxBytes, flags);
  const handle = await layer.open(file, flags);
  try {
    const stat5 = await handle.stat();
    checkRegular(stat5, maxBytes);
    const bytes = await handle.readFile();
    return { bytes, stat: stat5 };
  } finally {
    await handle.close();
  }
}
function readRegularFileSync(file, maxBytes, flags) {
  const fd = openSync(file, flags);
  try {
    const stat5 = fstatSync(fd);
    checkRegular(stat5, maxBytes);
    const bytes = Buffer.allocUnsafe(stat5.size);
    let filled = 0;
    while (filled < stat5.size) {
      const n = readSync(fd, bytes, filled, stat5.size - filled, filled);
      if (n === 0)
        break;
      filled += n;
    }
    return { bytes: filled === stat5.size ? bytes : bytes.subarray(0, filled), stat: stat5 };
  } finally {
    closeSync(fd);
  }
}
function checkRegular(stat5, maxBytes) {
  if (!stat5.isFile())
    throw new NotRegularFileError(fileKind(stat5));
  if (stat5.size > maxBytes) {
    throw new TooLargeError(`larger than ${formatSize(maxBytes)} (${formatSize(stat5.size)}); left alone`);
  }
}
function fileKind(stat5) {
  if (stat5.isFile())
    return "file";
  if (stat5.isDirectory())
    return "directory";
  if (stat5.isFIFO())
    return "FIFO";
  if (stat5.isSocket())
    return "socket";
  if (stat5.isSymbolicLink())
    return "symlink";
  if (stat5.isCharacterDevice() || stat5.isBlockDevice())
    return "device";
  return "special file";
}
function formatSize(n) {
  const [value, unit] = n >= 1 << 20 ? [n / (1 << 20), "MiB"] : n >= 1024 ? [n / 1024, "KiB"] : [n, "bytes"];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}
function describeFsError(error) {
  const e = error;
  switch (e?.code) {
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ENOENT":
      return "no longer exists";
    case "ELOOP":
      return "symlink loop (too many levels of symbolic links)";
    case "EROFS":
      return "read-only file system";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "a path component is not a directory";
    case "EBUSY":
      return "busy";
    case "EIO":
      return "input/output error";
    default:
      return error instanceof Error ? error.message.split("\n")[0] : String(error);
  }
}
var nodeFs, O, NotRegularFileError, TooLargeError, DEFAULT_MAX_FILE_BYTES;
var init_fs_layer = __esm({
  "dist/files/fs-layer.js"() {
    "use strict";
    init_encoding();
    nodeFs = {
      lstat: (p) => fs.lstat(p),
      stat: (p) => fs.stat(p),
      realpath: (p) => fs.realpath(p),
      // Blocking, like the reads below: a walk of thousands of folders otherwise
      // spends most of its time waiting on thread-pool round trips.
      readdir: async (p) => readdirSync(p, { withFileTypes: true }),
      open: (p, flags, mode) => fs.open(p, flags, mode),
      access: (p, mode) => fs.access(p, mode),
      rename: (a, b) => fs.rename(a, b),
      unlink: (p) => fs.unlink(p),
      chmod: (p, mode) => fs.chmod(p, mode),
      chown: (p, uid, gid) => fs.chown(p, uid, gid)
    };
    O = {
      /** Never blocks on a FIFO; refuses a symlink in the last component. */
      readSource: constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOFOLLOW ?? 0),
      /** Never blocks on a FIFO; follows links (for .gitignore files). */
      readFollowing: constants.O_RDONLY | (constants.O_NONBLOCK ?? 0),
      /** A new file only: fails if anything (file or link) has the name already. */
      createTemp: constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0)
    };
    NotRegularFileError = class extends Error {
      kind;
      /** What it is instead: "FIFO", "socket", "directory", ... */
      constructor(kind) {
        super(`not a regular file (${kind})`);
        this.kind = kind;
      }
    };
    TooLargeError = class extends Error {
    };
    DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;
  }
});

// dist/files/walk.js
import path2 from "node:path";
import ignore from "ignore";
async function collectFiles(paths, options = {}) {
  return (await walkPaths(paths, options)).files;
}
async function walkPaths(paths, options = {}) {
  const layer = options.fs ?? nodeFs;
  const excludes = compileExcludes(options.exclude ?? [], options.cwd ?? process.cwd());
  const given = await Promise.all(paths.map((p) => inspect(layer, p)));
  const allowed = await allowedPlaces(layer, given);
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  const ignored = { files: /* @__PURE__ */ new Set(), folders: /* @__PURE__ */ new Set() };
  const excluded = { files: /* @__PURE__ */ new Set(), folders: /* @__PURE__ */ new Set() };
  const add = (file) => {
    const key = file.target ?? `refused:${file.path}`;
    if (seen.has(key))
      return;
    seen.add(key);
    out.push(file);
  };
  const found2 = { count: 0, report: options.onFound };
  for (const g of given) {
    const { abs } = g;
    if (!g.lstat) {
      const err = g.error;
      if (err?.code === "ENOENT" || err?.code === "ENOTDIR")
        throw new MissingPathError(`${g.given}: no such file or directory`);
      add(refused(abs, abs, true, "error", "file/unreadable", `cannot access: ${describeFsError(err)}`));
      continue;
    }
    const isDir3 = Boolean(g.stat?.isDirectory());
    if (options.forceExclude && excludes.coversNamed(abs, isDir3)) {
      (isDir3 ? excluded.folders : excluded.files).add(abs);
      continue;
    }
    if (isDir3) {
      const realRoot = await layer.realpath(abs).catch(() => abs);
      const inherited = options.noIgnore ? [] : await inheritedIgnores(layer, abs);
      const rules = isIgnored(inherited, abs, true) ? [] : inherited;
      const ctx = { root: abs, realRoot, excludes, readIgnores: !options.noIgnore, ignored, excluded, found: found2 };
      for (const file of await walk(layer, ctx, abs, rules))
        add(file);
      continue;
    }
    add(await explicitFile(layer, g, allowed));
  }
  for (const g of given) {
    ignored.files.delete(g.abs);
    ignored.folders.delete(g.abs);
    if (!options.forceExclude) {
      excluded.files.delete(g.abs);
      excluded.folders.delete(g.abs);
    }
  }
  const count = (c) => ({ files: c.files.size, folders: c.folders.size });
  return { files: out, ignored: count(ignored), excluded: count(excluded) };
}
async function inspect(layer, given) {
  const abs = path2.resolve(given);
  try {
    const lstat = await layer.lstat(abs);
    const stat5 = lstat.isSymbolicLink() ? await layer.stat(abs).catch(() => null) : lstat;
    return { given, abs, lstat, stat: stat5 };
  } catch (error) {
    return { given, abs, lstat: null, stat: null, error };
  }
}
async function allowedPlaces(layer, given) {
  const folders = [];
  const files = /* @__PURE__ */ new Set();
  for (const g of given) {
    if (!g.lstat)
      continue;
    if (g.stat?.isDirectory())
      folders.push(await layer.realpath(g.abs).catch(() => g.abs));
    else
      files.add(path2.join(await layer.realpath(path2.dirname(g.abs)).catch(() => path2.dirname(g.abs)), path2.basename(g.abs)));
  }
  return { folders, files };
}
function isInside(folder, file) {
  const rel = path2.relative(folder, file);
  return rel !== "" && rel !== ".." && !rel.startsWith(`..${path2.sep}`) && !path2.isAbsolute(rel);
}
async function explicitFile(layer, g, allowed) {
  const { abs } = g;
  if (g.lstat.isSymbolicLink()) {
    const real2 = await layer.realpath(abs).catch((error) => error);
    if (typeof real2 !== "string")
      return refused(abs, abs, true, "skipped", "file/link-not-followed", brokenLink(real2));
    if (!g.stat?.isFile())
      return refused(abs, abs, true, "skipped", "file/link-not-followed", `symlink to a ${g.stat ? fileKind(g.stat) : "missing file"}; not followed`);
    if (!allowed.files.has(real2) && !allowed.folders.some((f) => isInside(f, real2))) {
      return refused(abs, abs, true, "error", "file/link-outside", `symlink to ${real2}, outside the given paths; not written through (name the target itself to fix it)`);
    }
    return { path: abs, root: abs, explicit: true, target: real2 };
  }
  if (!g.lstat.isFile())
    return refused(abs, abs, true, "skipped", "file/not-regular", `not a regular file (${fileKind(g.lstat)})`);
  const real = await layer.realpath(abs).catch(() => abs);
  return { path: abs, root: abs, explicit: true, target: real };
}
function brokenLink(error) {
  if (error.code === "ELOOP")
    return "symlink loop; not followed";
  if (error.code === "ENOENT")
    return "broken symlink (its target does not exist); not followed";
  return `symlink cannot be resolved: ${describeFsError(error)}`;
}
function refused(file, root, explicit, status, code, reason) {
  return { path: file, root, explicit, target: null, refusal: { status, code, reason } };
}
async function walk(layer, ctx, dir, layers) {
  let entries;
  try {
    entries = await layer.readdir(dir);
  } catch (error) {
    if (error.code === "ENOENT")
      return [];
    return [refused(dir, ctx.root, false, "error", "file/unreadable", `cannot list folder: ${describeFsError(error)}`)];
  }
  if (entries.some((e) => e.name === "pyvenv.cfg"))
    return [];
  const active = ctx.readIgnores ? await withOwnIgnores(layer, dir, entries, layers) : layers;
  entries.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const files = [];
  for (const entry of entries) {
    const full = path2.join(dir, entry.name);
    const isDir3 = entry.isDirectory();
    if (!isDir3 && !PYTHON_FILE.test(entry.name))
      continue;
    if (isDir3 && (SKIP_DIRS.has(entry.name) || entry.name.endsWith(".egg-info")))
      continue;
    if (ctx.excludes.matches(ctx.root, full, isDir3)) {
      (isDir3 ? ctx.excluded.folders : ctx.excluded.files).add(full);
      continue;
    }
    if (isIgnored(active, full, isDir3)) {
      (isDir3 ? ctx.ignored.folders : ctx.ignored.files).add(full);
      continue;
    }
    if (isDir3)
      files.push(...await walk(layer, ctx, full, active));
    else {
      const file = await walkedFile(layer, ctx, full, entry);
      if (file) {
        files.push(file);
        ctx.found.report?.(++ctx.found.count);
      }
    }
  }
  return files;
}
async function walkedFile(layer, ctx, full, entry) {
  const inPlace = ctx.realRoot === ctx.root ? full : path2.join(ctx.realRoot, path2.relative(ctx.root, full));
  if (entry.isFile())
    return { path: full, root: ctx.root, explicit: false, target: inPlace };
  if (!entry.isSymbolicLink()) {
    const stat6 = await layer.lstat(full).catch(() => null);
    return stat6 ? refused(full, ctx.root, false, "skipped", "file/not-regular", `not a regular file (${fileKind(stat6)})`) : null;
  }
  const real = await layer.realpath(full).catch((error) => error);
  if (typeof real !== "string")
    return refused(full, ctx.root, false, "skipped", "file/link-not-followed", brokenLink(real));
  const stat5 = await layer.stat(real).catch(() => null);
  if (stat5?.isDirectory())
    return null;
  if (!isInside(ctx.realRoot, real)) {
    return refused(full, ctx.root, false, "error", "file/link-outside", `symlink to ${real}, outside ${ctx.root}; not followed`);
  }
  if (!stat5?.isFile())
    return refused(full, ctx.root, false, "skipped", "file/link-not-followed", `symlink to a ${stat5 ? fileKind(stat5) : "missing file"}; not followed`);
  return { path: full, root: ctx.root, explicit: false, target: real };
}
function isIgnored(layers, full, isDir3) {
  for (const layer of layers) {
    const rel = relativeInside(layer.dir, full);
    if (!rel)
      continue;
    if (layer.rules.ignores(isDir3 ? `${rel}/` : rel))
      return true;
  }
  return false;
}
function relativeInside(dir, full) {
  const prefix = dir.endsWith(path2.sep) ? dir : dir + path2.sep;
  if (full.startsWith(prefix) && full.length > prefix.length) {
    const rel2 = full.slice(prefix.length);
    return path2.sep === "/" ? rel2 : rel2.split(path2.sep).join("/");
  }
  const rel = path2.relative(dir, full).split(path2.sep).join("/");
  return !rel || rel.startsWith("..") ? null : rel;
}
async function withOwnIgnores(layer, dir, entries, layers) {
  const names = IGNORE_FILES.filter((name) => entries.some((e) => e.name === name && e.isFile()));
  const repo = entries.some((e) => e.name === ".git" && e.isDirectory());
  if (!names.length && !repo)
    return layers;
  const exclude = repo ? await readIgnore(layer, dir, [path2.join(".git", "info", "exclude")]) : null;
  const own = names.length ? await readIgnore(layer, dir, names) : null;
  return [...layers, ...exclude ? [exclude] : [], ...own ? [own] : []];
}
async function readIgnore(layer, dir, files) {
  const texts = await Promise.all(files.map((name) => readRegularFile(layer, path2.join(dir, name), MAX_IGNORE_BYTES, O.readFollowing).then((r) => r.bytes.toString("utf8"), () => null)));
  const read = texts.filter((t) => t !== null);
  if (!read.length)
    return null;
  const rules = ignore({ ignorecase: false });
  for (const text of read)
    rules.add(text);
  return { dir, rules };
}
async function inheritedIgnores(layer, root) {
  const chain = [];
  let top = null;
  for (let dir = path2.dirname(root); ; dir = path2.dirname(dir)) {
    chain.unshift(dir);
    top = await layer.stat(path2.join(dir, ".git")).catch(() => null);
    if (top)
      break;
    if (path2.dirname(dir) === dir)
      return [];
  }
  const exclude = top.isDirectory() ? readIgnore(layer, chain[0], [path2.join(".git", "info", "exclude")]) : null;
  const layers = await Promise.all([exclude, ...chain.map((dir) => readIgnore(layer, dir, IGNORE_FILES))]);
  return layers.filter((l) => l !== null);
}
var MissingPathError, SKIP_DIRS, PYTHON_FILE, IGNORE_FILES, MAX_IGNORE_BYTES;
var init_walk = __esm({
  "dist/files/walk.js"() {
    "use strict";
    init_model();
    init_exclude();
    init_fs_layer();
    MissingPathError = class extends UserError {
    };
    SKIP_DIRS = /* @__PURE__ */ new Set([
      ".git",
      ".hg",
      ".svn",
      "node_modules",
      "__pycache__",
      ".venv",
      "venv",
      ".tox",
      ".nox",
      ".mypy_cache",
      ".pytest_cache",
      ".ruff_cache",
      ".eggs",
      "site-packages",
      "dist-packages"
    ]);
    PYTHON_FILE = /\.pyw?$/;
    IGNORE_FILES = [".gitignore", ".ignore"];
    MAX_IGNORE_BYTES = 4 * 1024 * 1024;
  }
});

// dist/detect/versions.js
import coerce from "semver/functions/coerce.js";
import parse from "semver/functions/parse.js";
import valid from "semver/functions/valid.js";
function fromParts(release, pre) {
  const nums = release.split(".").map((n) => Number.parseInt(n, 10));
  while (nums.length < 3)
    nums.push(0);
  const core = nums.slice(0, 3).join(".");
  const text = pre.length > 0 ? `${core}-${pre.join(".")}` : core;
  return semver.valid(text);
}
function result(version) {
  const v = semver.parse(version);
  const develop = v !== null && v.major === 0 && v.minor === 0 && v.patch === 0;
  return { version, develop };
}
function normalizePaddleVersion(raw) {
  const text = raw.trim();
  if (text === "")
    return null;
  if (/^(develop|dev|nightly)$/i.test(text))
    return { version: "0.0.0", develop: true };
  const m = PEP440.exec(text);
  if (m) {
    const [, , release, preName, preNum, , , devTag, devNum] = m;
    const pre = [];
    if (preName)
      pre.push(PRE_NAMES[preName.toLowerCase()] ?? preName.toLowerCase(), preNum ?? "0");
    if (devTag) {
      pre.push("dev");
      if (devNum !== void 0)
        pre.push(devNum);
    }
    const v = fromParts(release, pre);
    if (v)
      return result(v);
  }
  const exact = semver.valid(text);
  if (exact)
    return result(semver.parse(exact).format());
  const coerced = semver.coerce(text);
  return coerced ? result(coerced.version) : null;
}
function supportsFullGraphKeyword(p) {
  if (p === null)
    return null;
  if (p.develop)
    return true;
  const v = semver.parse(p.version) ?? semver.coerce(p.version);
  if (v === null)
    return null;
  return v.major > 2 || v.major === 2 && v.minor >= 5;
}
function convertsWithSot(p) {
  if (p.develop)
    return true;
  const v = semver.parse(p.version) ?? semver.coerce(p.version);
  if (v === null)
    return null;
  return v.major > 2 || v.major === 2 && v.minor >= 6;
}
function coreVersion(version) {
  const v = semver.parse(version) ?? semver.coerce(version);
  return v ? `${v.major}.${v.minor}.${v.patch}` : null;
}
var semver, PEP440, PRE_NAMES;
var init_versions = __esm({
  "dist/detect/versions.js"() {
    "use strict";
    semver = { coerce, parse, valid };
    PEP440 = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(?:post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;
    PRE_NAMES = {
      a: "alpha",
      alpha: "alpha",
      b: "beta",
      beta: "beta",
      c: "rc",
      rc: "rc",
      pre: "rc",
      preview: "rc"
    };
  }
});

// dist/files/package-root.js
import { readFileSync } from "node:fs";
import path3 from "node:path";
import { fileURLToPath } from "node:url";
function find() {
  if (found)
    return found;
  const start = path3.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path3.dirname(dir)) {
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(path3.join(dir, "package.json"), "utf8"));
    } catch {
    }
    if (pkg?.name === NAME)
      return found = { root: dir, pkg };
    if (path3.dirname(dir) === dir)
      throw new Error(`${NAME}: no package.json named ${NAME} in ${start} or above`);
  }
}
function packageRoot() {
  return find().root;
}
function packageVersion() {
  return find().pkg.version;
}
function toolInfo() {
  const { name, version } = find().pkg;
  return { name, version };
}
var NAME, found;
var init_package_root = __esm({
  "dist/files/package-root.js"() {
    "use strict";
    NAME = "paddle-fullgraph-fix";
  }
});

// dist/patches.js
import { readFileSync as readFileSync2 } from "node:fs";
import path4 from "node:path";
function loadPatch(id = "full-graph") {
  const cached = cache.get(id);
  if (cached)
    return cached;
  const dir = path4.join(PATCHES_DIR, id);
  const data = JSON.parse(readFileSync2(path4.join(dir, "patch.json"), "utf8"));
  const template = readFileSync2(path4.join(dir, data.guard.template), "utf8");
  const patch = {
    ...data,
    guard: {
      function: data.guard.function,
      beginMarker: data.guard.beginMarker,
      endMarker: data.guard.endMarker,
      source: extractGuardBlock(template, data.guard.beginMarker, data.guard.endMarker)
    }
  };
  cache.set(id, patch);
  return patch;
}
function extractGuardBlock(template, begin, end) {
  const lines = template.replace(/\r\n?/g, "\n").split("\n");
  const first = lines.indexOf(begin);
  const last = lines.indexOf(end);
  if (first < 0 || last < first) {
    throw new Error(`guard template lacks its marker lines (${begin} \u2026 ${end})`);
  }
  return lines.slice(first, last + 1).join("\n");
}
var PATCHES_DIR, cache;
var init_patches = __esm({
  "dist/patches.js"() {
    "use strict";
    init_package_root();
    PATCHES_DIR = path4.join(packageRoot(), "patches") + path4.sep;
    cache = /* @__PURE__ */ new Map();
  }
});

// dist/python/prefilter.js
function lastName(qualified) {
  return qualified.slice(qualified.lastIndexOf(".") + 1);
}
function calleeNeedle(patch = loadPatch()) {
  let needle = needles.get(patch.id);
  if (!needle)
    needles.set(patch.id, needle = Buffer.from(lastName(patch.callee)));
  return needle;
}
function mentionsName(bytes, name) {
  for (let at = bytes.indexOf(name); at >= 0; at = bytes.indexOf(name, at + 1)) {
    if (isWholeName(at > 0 ? bytes[at - 1] : SPACE, at + name.length < bytes.length ? bytes[at + name.length] : SPACE))
      return true;
  }
  return false;
}
function mayContainSite(text, patch = loadPatch()) {
  return nextWholeName(text, lastName(patch.callee), 0) >= 0;
}
function nextWholeName(text, name, from) {
  for (let at = text.indexOf(name, from); at >= 0; at = text.indexOf(name, at + 1)) {
    const end = at + name.length;
    if (isWholeName(at > 0 ? text.charCodeAt(at - 1) : SPACE, end < text.length ? text.charCodeAt(end) : SPACE))
      return at;
  }
  return -1;
}
function isWholeName(before, after) {
  return !isNameCode(before) && before !== 39 && before !== 34 && before !== 45 && !isNameCode(after);
}
function isNameCode(c) {
  return c >= 48 && c <= 57 || c >= 65 && c <= 90 || c >= 97 && c <= 122 || c === 95 || c >= 128;
}
var needles, SPACE;
var init_prefilter = __esm({
  "dist/python/prefilter.js"() {
    "use strict";
    init_patches();
    needles = /* @__PURE__ */ new Map();
    SPACE = 32;
  }
});

// dist/rewrite/lines.js
function lineStart(text, index) {
  return text.lastIndexOf("\n", index - 1) + 1;
}
function lineEnd(text, index) {
  const nl = text.indexOf("\n", index);
  return nl < 0 ? text.length : nl + 1;
}
function occurrences(text, needle) {
  const out = [];
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length))
    out.push(i);
  return out;
}
var LineIndex;
var init_lines = __esm({
  "dist/rewrite/lines.js"() {
    "use strict";
    LineIndex = class {
      starts = [0];
      constructor(text) {
        for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", nl + 1))
          this.starts.push(nl + 1);
      }
      /** Offset of a 1-based line and column. */
      offsetOf(line, column) {
        return this.starts[line - 1] + column - 1;
      }
      /** 1-based line and column of an offset (a line starts just after its "\n"). */
      positionOf(offset) {
        const s = this.starts;
        let lo = 0;
        let hi = s.length - 1;
        while (lo < hi) {
          const mid = lo + hi + 1 >> 1;
          if (s[mid] <= offset)
            lo = mid;
          else
            hi = mid - 1;
        }
        return { line: lo + 1, column: offset - s[lo] + 1 };
      }
    };
  }
});

// dist/rewrite/edits.js
function sortedEdits(edits) {
  const sorted = inTextOrder(edits);
  return sorted === edits ? [...edits] : sorted;
}
function inTextOrder(edits) {
  for (let i = 1; i < edits.length; i++) {
    if (inOrder(edits[i - 1], edits[i]) > 0)
      return [...edits].sort(inOrder);
  }
  return edits;
}
function overlapProblem(edits) {
  const sorted = inTextOrder(edits);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end)
      return "overlapping edits found; left alone";
  }
  return null;
}
function applyEdits(text, edits) {
  const parts = [];
  let last = 0;
  for (const edit of inTextOrder(edits)) {
    parts.push(text.slice(last, edit.start), edit.text);
    last = edit.end;
  }
  parts.push(text.slice(last));
  return parts.join("");
}
function editedSpans(edits) {
  let shift = 0;
  return inTextOrder(edits).map((edit) => {
    const start = edit.start + shift;
    shift += edit.text.length - (edit.end - edit.start);
    return { start, end: start + edit.text.length };
  });
}
function insertion(offset, text) {
  return { start: offset, end: offset, text };
}
function removal(start, end) {
  return { start, end, text: "" };
}
function positionsAfterEdits(before, edits, after, places) {
  const sorted = inTextOrder(edits);
  const shiftAfter = new Array(sorted.length + 1);
  shiftAfter[0] = 0;
  sorted.forEach((edit, k) => shiftAfter[k + 1] = shiftAfter[k] + edit.text.length - (edit.end - edit.start));
  const from = new LineIndex(before);
  const to = new LineIndex(after);
  return places.map(({ line, column }) => {
    const offset = from.offsetOf(line, column);
    return to.positionOf(offset + shiftAfter[editsStartingAtOrBefore(sorted, offset)]);
  });
}
function editsStartingAtOrBefore(sorted, offset) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted[mid].start <= offset)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}
var inOrder;
var init_edits = __esm({
  "dist/rewrite/edits.js"() {
    "use strict";
    init_lines();
    inOrder = (a, b) => a.start - b.start || a.end - b.end;
  }
});

// dist/python/chunks.js
function topLevelChunks(text) {
  const starts = [];
  const n = text.length;
  let row = 0;
  let depth = 0;
  let afterDecorator = false;
  const lineStart2 = (i2) => {
    const c = text.charCodeAt(i2);
    if (c === SPACE2 || c === TAB || c === FORM_FEED || c === CR || c === NL || c === HASH || c === BACKSLASH || i2 >= n)
      return;
    const word = wordAt(text, i2);
    if (CONTINUATIONS.has(word))
      return;
    if (afterDecorator) {
      if (c !== AT)
        afterDecorator = false;
      return;
    }
    const definition = c === AT || word === "def" || word === "class" || word === "async" && /^async[ \t]+def\b/.test(text.slice(i2, i2 + 16));
    starts.push({ index: i2, row, definition });
    afterDecorator = c === AT;
  };
  lineStart2(0);
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < 128 && !SPECIAL[c]) {
      i++;
      continue;
    }
    if (c === NL) {
      row++;
      i++;
      if (depth === 0)
        lineStart2(i);
    } else if (c === HASH) {
      const nl = text.indexOf("\n", i);
      i = nl < 0 ? n : nl;
    } else if (c === QUOTE || c === DOUBLE_QUOTE) {
      const end = stringEnd(text, i, 0);
      if (end < 0)
        return wholeText(text);
      row += countNewlines(text, i, end);
      i = end;
    } else if (c === BACKTICK) {
      return wholeText(text);
    } else if (c === BACKSLASH) {
      const next = text.charCodeAt(i + 1);
      if (next === NL || next === CR && text.charCodeAt(i + 2) === NL) {
        i += next === NL ? 2 : 3;
        row++;
      } else
        i++;
    } else {
      if (c === 40 || c === 91 || c === 123)
        depth++;
      else if ((c === 41 || c === 93 || c === 125) && depth > 0)
        depth--;
      i++;
    }
  }
  if (!starts.length || starts[0].index !== 0)
    starts.unshift({ index: 0, row: 0, definition: false });
  const chunks = [];
  for (let k = 0; k < starts.length; k++) {
    const next = starts[k + 1];
    chunks.push({
      start: starts[k].index,
      end: next ? next.index : n,
      startRow: starts[k].row,
      endRow: next ? next.row : row,
      definition: starts[k].definition
    });
  }
  return chunks;
}
function wholeText(text) {
  return [{ start: 0, end: text.length, startRow: 0, endRow: countNewlines(text, 0, text.length), definition: false }];
}
function wordAt(text, i) {
  let j = i;
  while (j < text.length && isNameCode(text.charCodeAt(j)))
    j++;
  return text.slice(i, j);
}
function stringEnd(text, i, level) {
  const prefix = stringPrefix(text, i);
  const format = /f/i.test(prefix);
  const raw = /r/i.test(prefix);
  const bytes = /b/i.test(prefix);
  if (level > 16 || format && bytes)
    return -1;
  const q = text.charCodeAt(i);
  const n = text.length;
  const triple = text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q;
  let j = triple ? i + 3 : i + 1;
  while (j < n) {
    const c = text.charCodeAt(j);
    if (c === BACKSLASH) {
      const next = text.charCodeAt(j + 1);
      if (next === CR && text.charCodeAt(j + 2) === NL)
        j += 3;
      else if (format && next === OPEN_BRACE)
        j++;
      else if (!raw && !bytes && next === 78 && text.charCodeAt(j + 2) === OPEN_BRACE) {
        const close = text.indexOf("}", j + 3);
        if (close <= j + 3 || /['"\n]/.test(text.slice(j + 3, close)))
          return -1;
        j = close + 1;
      } else
        j += 2;
    } else if (c === q && (!triple || text.charCodeAt(j + 1) === q && text.charCodeAt(j + 2) === q))
      return j + (triple ? 3 : 1);
    else if (c === NL && !triple)
      return -1;
    else if (format && c === OPEN_BRACE) {
      if (text.charCodeAt(j + 1) === OPEN_BRACE)
        j += 2;
      else if ((j = fieldEnd(text, j + 1, triple, level)) < 0)
        return -1;
    } else if (format && c === CLOSE_BRACE) {
      if (text.charCodeAt(j + 1) !== CLOSE_BRACE)
        return -1;
      j += 2;
    } else
      j++;
  }
  return -1;
}
function stringPrefix(text, quote) {
  let k = quote;
  while (k > 0 && "rRbBuUfF".includes(text[k - 1]))
    k--;
  return k > 0 && isNameCode(text.charCodeAt(k - 1)) ? "" : text.slice(k, quote);
}
function fieldEnd(text, j, triple, level) {
  if (level > 16)
    return -1;
  let depth = 0;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === QUOTE || c === DOUBLE_QUOTE) {
      if ((j = stringEnd(text, j, level + 1)) < 0)
        return -1;
      continue;
    }
    if (c === 40 || c === 91 || c === OPEN_BRACE)
      depth++;
    else if (c === 41 || c === 93) {
      if (!depth--)
        return -1;
    } else if (c === CLOSE_BRACE) {
      if (!depth--)
        return j + 1;
    } else if (c === 58 && !depth)
      return specEnd(text, j + 1, triple, level);
    else if (c === HASH || c === BACKSLASH || c === BACKTICK || c === NL && !triple)
      return -1;
    j++;
  }
  return -1;
}
function specEnd(text, j, triple, level) {
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === CLOSE_BRACE)
      return j + 1;
    if (c === OPEN_BRACE) {
      if ((j = fieldEnd(text, j + 1, triple, level + 1)) < 0)
        return -1;
      continue;
    }
    if (c === QUOTE || c === DOUBLE_QUOTE || c === BACKSLASH || c === HASH || c === NL || c === CR || c === BACKTICK || "()[]".includes(text[j]))
      return -1;
    j++;
  }
  return -1;
}
function countNewlines(text, from, to) {
  let count = 0;
  for (let at = text.indexOf("\n", from); at >= 0 && at < to; at = text.indexOf("\n", at + 1))
    count++;
  return count;
}
function namedInCode(text, name) {
  let at = nextWholeName(text, name, 0);
  const n = text.length;
  let i = 0;
  while (at >= 0 && i < n) {
    const c = text.charCodeAt(i);
    if (c !== HASH && c !== QUOTE && c !== DOUBLE_QUOTE && c !== BACKTICK) {
      if (i === at)
        return true;
      i++;
      continue;
    }
    if (c === BACKTICK)
      return true;
    let end;
    if (c === HASH) {
      const nl = text.indexOf("\n", i);
      end = nl < 0 ? n : nl;
    } else {
      end = stringEnd(text, i, 0);
      if (end < 0)
        return true;
      if (at < end && /f/i.test(stringPrefix(text, i)))
        return true;
    }
    if (at < end)
      at = nextWholeName(text, name, end);
    i = end;
  }
  return false;
}
var NL, CR, SPACE2, TAB, FORM_FEED, HASH, BACKSLASH, AT, QUOTE, DOUBLE_QUOTE, BACKTICK, OPEN_BRACE, CLOSE_BRACE, CONTINUATIONS, SPECIAL;
var init_chunks = __esm({
  "dist/python/chunks.js"() {
    "use strict";
    init_prefilter();
    NL = 10;
    CR = 13;
    SPACE2 = 32;
    TAB = 9;
    FORM_FEED = 12;
    HASH = 35;
    BACKSLASH = 92;
    AT = 64;
    QUOTE = 39;
    DOUBLE_QUOTE = 34;
    BACKTICK = 96;
    OPEN_BRACE = 123;
    CLOSE_BRACE = 125;
    CONTINUATIONS = /* @__PURE__ */ new Set(["else", "elif", "except", "finally"]);
    SPECIAL = new Uint8Array(128);
    for (const c of "\n#'\"\\()[]{}`")
      SPECIAL[c.charCodeAt(0)] = 1;
  }
});

// dist/python/arguments.js
function argumentState(site, keyword, value, guardFunction) {
  if (!site.args)
    return { kind: "open" };
  if (site.args.type === "generator_expression") {
    return { kind: "needs-review", code: "needs-review/generator-argument", reason: "its only argument is a bare generator expression" };
  }
  let splat = null;
  for (const arg of site.args.namedChildren) {
    if (arg.type === "keyword_argument") {
      const name = arg.childForFieldName("name")?.text;
      const val = arg.childForFieldName("value")?.text ?? "";
      if (name === keyword) {
        return val === value ? {
          kind: "already-fixed",
          code: "already-fixed/upstream-unguarded",
          reason: `already passes ${keyword}=${value} (unguarded: Paddle 2.3/2.4 reject it with TypeError)`,
          bareKeyword: arg
        } : { kind: "needs-review", code: "needs-review/full-graph-value", reason: `passes ${keyword}=${val} explicitly`, chosenValue: arg.childForFieldName("value") ?? void 0 };
      }
    } else if (arg.type === "dictionary_splat") {
      let inner = arg.namedChildren[0];
      if (inner?.type === "parenthesized_expression" && inner.namedChildCount === 1)
        inner = inner.namedChildren[0];
      const fn = inner?.type === "call" ? inner.childForFieldName("function")?.text : null;
      if (fn === guardFunction) {
        return { kind: "already-fixed", code: "already-fixed/guard", reason: `already passes ${keyword} through the paddle-fullgraph-fix guard` };
      }
      splat = arg.text;
    }
  }
  if (splat)
    return { kind: "needs-review", code: "needs-review/forwards-kwargs", reason: `forwards ${splat}, which may already carry ${keyword}` };
  return { kind: "open" };
}
var init_arguments = __esm({
  "dist/python/arguments.js"() {
    "use strict";
  }
});

// dist/python/locate.js
function locate(tree, positions) {
  const sorted = [...new Set(positions)].sort((a, b) => a - b);
  const out = /* @__PURE__ */ new Map();
  if (!sorted.length)
    return out;
  const cursor = tree.walk();
  const stack = [tree.rootNode];
  const holds = (node, p) => node.startIndex <= p && p < node.endIndex;
  for (const p of sorted) {
    while (stack.length > 1 && !holds(stack[stack.length - 1], p)) {
      let found2 = false;
      while (cursor.gotoNextSibling()) {
        if (holds(cursor, p)) {
          found2 = true;
          break;
        }
        if (cursor.startIndex > p)
          break;
      }
      if (found2) {
        stack[stack.length - 1] = cursor.currentNode;
        break;
      }
      stack.pop();
      cursor.gotoParent();
    }
    if (!holds(stack[stack.length - 1], p))
      continue;
    for (; ; ) {
      if (!cursor.gotoFirstChild())
        break;
      let found2 = false;
      do {
        if (holds(cursor, p)) {
          found2 = true;
          break;
        }
        if (cursor.startIndex > p)
          break;
      } while (cursor.gotoNextSibling());
      if (!found2) {
        cursor.gotoParent();
        break;
      }
      stack.push(cursor.currentNode);
    }
    out.set(p, stack.slice());
  }
  return out;
}
function wordPositions(text, names) {
  const list = [...new Set(names)].filter((n) => /^\w+$/.test(n));
  if (!list.length)
    return [];
  const re = new RegExp(`\\b(?:${list.join("|")})\\b`, "g");
  const out = [];
  for (let m = re.exec(text); m; m = re.exec(text))
    out.push(m.index);
  return out;
}
function bindablePositions(text, names) {
  return wordPositions(text, names).filter((at) => !followedByDot(text, at));
}
function followedByDot(text, at) {
  let i = at;
  while (i < text.length && isNameCode(text.charCodeAt(i)))
    i++;
  while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)
    i++;
  return text.charCodeAt(i) === 46;
}
function sameNode(a, b) {
  return !!a && !!b && a.startIndex === b.startIndex && a.endIndex === b.endIndex && a.type === b.type;
}
function isField(parent, field, child) {
  return sameNode(parent.childForFieldName(field), child);
}
function scopeName(chain) {
  const names = [];
  for (let i = 0; i < chain.length - 1; i++) {
    const node = chain[i];
    if (node.type !== "function_definition" && node.type !== "class_definition")
      continue;
    const name = node.childForFieldName("name")?.text;
    if (name)
      names.push(name);
  }
  return names.length ? names.join(".") : null;
}
function forwardOwner(holder) {
  return holder.endsWith(FORWARD) ? holder.slice(0, -FORWARD.length) : null;
}
function compact(node) {
  return node.text.replace(/\s+/g, "");
}
function assignedNames(chain) {
  const targets = [];
  let i = chain.length - 1;
  while (chain[i - 1]?.type === "parenthesized_expression")
    i--;
  while (chain[i - 1]?.type === "assignment" && isField(chain[i - 1], "right", chain[i])) {
    const left = chain[i - 1].childForFieldName("left");
    if (left && (left.type === "identifier" || left.type === "attribute"))
      targets.push(compact(left));
    i--;
  }
  return { targets, outermost: i };
}
var FORWARD;
var init_locate = __esm({
  "dist/python/locate.js"() {
    "use strict";
    init_prefilter();
    FORWARD = ".forward";
  }
});

// dist/python/classify.js
import path5 from "node:path";
function classifySite(site, ctx) {
  if (site.form === "decorator")
    return decoratorEvidence(site, ctx) ?? contextClass(site, ctx);
  const { targets, savedAt } = resultTargets(site.chain, ctx);
  const evidence = callEvidence(site, targets, savedAt, ctx);
  if (evidence)
    return evidence;
  const context = contextClass(site, ctx);
  const helper = returningHelper(site, targets);
  return helper && helper.fn.parent?.type === "module" ? { ...context, returnedBy: helper.name } : context;
}
function returningHelper(site, targets) {
  const fn = enclosingFunction(site.chain);
  const name = fn?.childForFieldName("name")?.text;
  if (!fn || !name)
    return null;
  const direct = site.chain.some((n) => n.type === "return_statement");
  const returned = direct || fn.descendantsOfType("return_statement").some((r) => targets.includes(compact(r.namedChildren[0] ?? r)));
  return returned ? { fn, name } : null;
}
function helperUseEvidence(helper, ctx, where2) {
  for (const { call, target: result2, facts } of assignedCalls(helper, ctx)) {
    const aliases = facts.aliases([result2]);
    const at = `returned by ${helper} to ${result2} at ${where2(ctx.line(call))}`;
    const read = programReadOf(facts, aliases, call.endIndex);
    if (read)
      return { class: "required", code: "required/returned-reads-program", reason: `${at}, read as ${result2}${read.path} at ${where2(ctx.line(read.node))}` };
    const chain = ancestry(call);
    const save = facts.save((fn) => isSave(fn, chain, ctx), (arg) => aliases.has(arg) ? "result" : null);
    if (save)
      return { class: "export", code: "export/returned-saved", reason: `${at}, saved with paddle.jit.save at ${where2(ctx.line(save.node))}` };
  }
  return null;
}
function ancestry(node) {
  const chain = [];
  for (let n = node; n; n = n.parent)
    chain.unshift(n);
  return chain;
}
function callEvidence(site, targets, savedAt, ctx) {
  if (savedAt)
    return { class: "export", code: "export/passed-to-save", reason: `result passed straight to paddle.jit.save at line ${ctx.line(savedAt)}` };
  return (targets.length ? resultEvidence(site, targets, ctx) : null) ?? inPlaceEvidence(site, ctx) ?? returnedEvidence(site, targets, ctx);
}
function* assignedCalls(name, ctx) {
  for (const call of ctx.root.descendantsOfType("call")) {
    const fn = call.childForFieldName("function");
    if (!fn || fn.text !== name && !fn.text.endsWith(`.${name}`))
      continue;
    const assignment = call.parent;
    const left = assignment?.type === "assignment" && assignment.childForFieldName("right")?.id === call.id ? assignment.childForFieldName("left") : null;
    if (!left || left.type !== "identifier" && left.type !== "attribute")
      continue;
    let scope = call.parent;
    while (scope && scope.type !== "function_definition")
      scope = scope.parent;
    yield { call, target: compact(left), facts: ctx.facts.of(scope ?? ctx.root) };
  }
}
function programReadOf(facts, names, after) {
  return facts.programRead((object) => aliasSuffix(object, names), after);
}
function saveOf(facts, names, site, ctx) {
  return facts.save((fn) => isSave(fn, site.chain, ctx), (arg) => names.has(arg) ? "result" : null);
}
function returnedEvidence(site, targets, ctx) {
  const helper = returningHelper(site, targets)?.name;
  if (!helper)
    return null;
  for (const { call, target: result2, facts } of assignedCalls(helper, ctx)) {
    const aliases = facts.aliases([result2]);
    const where2 = `returned by ${helper} to ${result2} at line ${ctx.line(call)}`;
    const read = programReadOf(facts, aliases, call.endIndex);
    if (read)
      return { class: "required", code: "required/returned-reads-program", reason: `${where2}, read as ${result2}${read.path} at line ${ctx.line(read.node)}` };
    const save = saveOf(facts, aliases, site, ctx);
    if (save)
      return { class: "export", code: "export/returned-saved", reason: `${where2}, saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  }
  return null;
}
function inPlaceEvidence(site, ctx) {
  const first = site.args?.type === "argument_list" ? site.args.namedChildren.find((c) => c.type !== "comment") : void 0;
  if (!first || first.type !== "identifier" && first.type !== "attribute")
    return null;
  const converted = compact(first);
  const facts = ctx.facts.of(enclosingFunction(site.chain) ?? ctx.root);
  const aliases = facts.aliases([converted]);
  const read = programReadOf(facts, aliases, site.node.endIndex);
  if (read)
    return { class: "required", code: "required/in-place-reads-program", reason: `converts ${converted} in place, read as ${converted}${read.path} at line ${ctx.line(read.node)}` };
  const save = saveOf(facts, aliases, site, ctx);
  if (save)
    return { class: "export", code: "export/in-place-saved", reason: `converts ${converted} in place; ${converted} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  return null;
}
function resultEvidence(site, targets, ctx) {
  const scope = enclosingFunction(site.chain) ?? ctx.root;
  const facts = ctx.facts.of(scope);
  const aliases = facts.aliases(targets);
  const read = programReadOf(facts, aliases, site.node.endIndex);
  if (read)
    return { class: "required", code: "required/reads-program", reason: `result read as ${read.path} at line ${ctx.line(read.node)}` };
  const bases = new Set(targets.filter((t) => t.includes(".")).map((t) => t.slice(0, t.lastIndexOf("."))));
  const save = facts.save((fn) => isSave(fn, site.chain, ctx), (arg) => aliases.has(arg) ? "result" : bases.has(arg) ? arg : null);
  if (!save)
    return null;
  if (save.what === "result")
    return { class: "export", code: "export/saved", reason: `result saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  const holder = targets.find((t) => t.startsWith(`${save.what}.`));
  return { class: "export", code: "export/holder-saved", reason: `result stored on ${holder}; ${save.what} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
}
function decoratorEvidence(site, ctx) {
  const name = site.decorated?.childForFieldName("name")?.text;
  if (!name)
    return null;
  const matchesName = (text) => text === name || text.endsWith(`.${name}`);
  const facts = ctx.facts.of(ctx.root);
  const read = facts.programRead((object) => matchesName(object) ? "" : null, null);
  if (read)
    return { class: "required", code: "required/decorated-reads-program", reason: `decorated ${name} read as ${name}${read.path} at line ${ctx.line(read.node)}` };
  const save = facts.save((fn) => isSave(fn, site.chain, ctx), (arg) => matchesName(arg) ? "result" : null);
  if (save)
    return { class: "export", code: "export/decorated-saved", reason: `decorated ${name} saved with paddle.jit.save at line ${ctx.line(save.node)}` };
  return instanceEvidence(site, name, ctx);
}
function instanceEvidence(site, method, ctx) {
  const klass = [...site.chain].reverse().find((n) => n.type === "class_definition");
  const className = klass?.childForFieldName("name")?.text;
  if (!className)
    return null;
  for (const { target: instance, facts } of assignedCalls(className, ctx)) {
    const save = saveOf(facts, facts.aliases([instance]), site, ctx);
    if (save) {
      return { class: "export", code: "export/instance-saved", reason: `decorates ${className}.${method}; a ${className} (${instance}) is saved with paddle.jit.save at line ${ctx.line(save.node)}` };
    }
  }
  return null;
}
function contextClass(site, ctx) {
  const functions = enclosingFunctionNames(site.chain);
  const training = functions.find((n) => TRAINING_NAME.test(n));
  if (training) {
    return { class: "other", code: "other/training-helper", reason: `training-time conversion in '${training}': nothing saves it or reads its program` };
  }
  const exporting = functions.find((n) => EXPORT_NAME.test(n));
  if (exporting)
    return { class: "export", code: "export/in-export-function", reason: `inside export function '${exporting}'` };
  if (ctx.filePath && EXPORT_NAME.test(path5.basename(ctx.filePath))) {
    return { class: "export", code: "export/in-export-script", reason: `in export script ${path5.basename(ctx.filePath)}` };
  }
  return { class: "other", code: "other/not-on-export-path", reason: "not on an export path: nothing saves the result or reads its program" };
}
function resultTargets(chain, ctx) {
  const { targets, outermost } = assignedNames(chain);
  let j = outermost - 1;
  if (chain[j]?.type === "keyword_argument")
    j--;
  const outer = chain[j]?.type === "argument_list" ? chain[j - 1] : null;
  const fn = outer?.type === "call" ? outer.childForFieldName("function") : null;
  const savedAt = fn && isSave(fn, chain, ctx) ? outer : null;
  return { targets, savedAt };
}
function isSave(fn, chain, ctx) {
  if (fn.type !== "identifier" && fn.type !== "attribute")
    return false;
  const qualified = ctx.names.qualify(fn, chain);
  return qualified !== null && ctx.saveCallees.has(qualified);
}
function aliasSuffix(object, aliases) {
  if (aliases.has(object))
    return "";
  const owner = forwardOwner(object);
  if (owner !== null && aliases.has(owner))
    return FORWARD;
  return null;
}
function enclosingFunction(chain) {
  for (let i = chain.length - 2; i >= 0; i--)
    if (chain[i].type === "function_definition")
      return chain[i];
  return null;
}
function enclosingFunctionNames(chain) {
  const names = [];
  for (let i = chain.length - 2; i >= 0; i--) {
    if (chain[i].type === "function_definition") {
      const name = chain[i].childForFieldName("name")?.text;
      if (name)
        names.push(name);
    }
  }
  return names;
}
var EXPORT_NAME, TRAINING_NAME;
var init_classify = __esm({
  "dist/python/classify.js"() {
    "use strict";
    init_locate();
    EXPORT_NAME = /export/i;
    TRAINING_NAME = /(^|_)(train|training|fit)(_|$)|apply_to_static/i;
  }
});

// dist/python/conventions.js
function detectConventions(text) {
  const sample = text.slice(0, SAMPLE);
  return { eol: detectEol(text), indent: detectIndent(sample), quote: detectQuote(sample) };
}
function detectEol(text) {
  let crlf = 0;
  let lf = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
    if (i > 0 && text.charCodeAt(i - 1) === 13)
      crlf++;
    else
      lf++;
  }
  return crlf > lf ? "\r\n" : "\n";
}
function detectIndent(sample) {
  const counts = /* @__PURE__ */ new Map();
  let opener = null;
  for (const line of sample.split(/\r?\n/)) {
    const code = line.replace(/\s+#.*$/, "").trimEnd();
    if (!code.trim() || code.trimStart().startsWith("#"))
      continue;
    const indent = /^[ \t]*/.exec(line)[0];
    if (opener !== null && indent.length > opener.length && indent.startsWith(opener)) {
      const unit = indent.slice(opener.length);
      counts.set(unit, (counts.get(unit) ?? 0) + 1);
    }
    opener = code.endsWith(":") ? indent : null;
  }
  let best = "    ";
  let bestCount = 0;
  for (const [unit, count] of counts) {
    if (count > bestCount)
      [best, bestCount] = [unit, count];
  }
  return best;
}
function leadingWhitespace(text, index) {
  const start = text.lastIndexOf("\n", index - 1) + 1;
  let end = start;
  while (end < text.length && (text[end] === " " || text[end] === "	"))
    end++;
  return text.slice(start, end);
}
function detectQuote(sample) {
  const code = sample.replace(/("""|''')[\s\S]*?(\1|$)/g, "").replace(/#.*$/gm, "");
  let single = 0;
  let double = 0;
  for (const m of code.matchAll(/(?<![\w'"\\])[rRbBuUfF]{0,2}(['"])/g)) {
    if (m[1] === "'")
      single++;
    else
      double++;
  }
  return single > double ? "'" : '"';
}
var SAMPLE;
var init_conventions = __esm({
  "dist/python/conventions.js"() {
    "use strict";
    SAMPLE = 256 * 1024;
  }
});

// dist/python/names.js
function mayHoldAlias(text, names) {
  for (const m of text.matchAll(ALIAS_LINE))
    if (names.has(aliasPath(m).split(".")[0]))
      return true;
  return false;
}
function aliasedValue(value) {
  if (value?.type === "identifier" || value?.type === "attribute")
    return value;
  if (value?.type !== "call")
    return null;
  const fn = value.childForFieldName("function")?.text.replace(/\s+/g, "");
  if (fn !== "partial" && fn !== "functools.partial")
    return null;
  const first = value.childForFieldName("arguments")?.namedChildren[0];
  return first?.type === "identifier" || first?.type === "attribute" ? first : null;
}
function fromBindings(bindings) {
  if (bindings.some((b) => b.qualified === null))
    return null;
  return bindings[0].qualified;
}
function innerScopes(chain, index) {
  const out = [];
  for (let i = index - 1; i >= 0; i--) {
    const node = chain[i];
    if (!SCOPES.has(node.type))
      continue;
    const inner = chain[i + 1];
    const body = node.childForFieldName("body");
    if (body && inner && sameNode(body, inner))
      out.push(node);
  }
  return out;
}
function scopeKey(node) {
  return `${node.type}:${node.startIndex}:${node.endIndex}`;
}
function isParameter(chain, leafIndex) {
  const leaf = chain[leafIndex];
  const parent = chain[leafIndex - 1];
  const grand = chain[leafIndex - 2];
  if (parent.type === "parameters" || parent.type === "lambda_parameters")
    return true;
  if ((parent.type === "default_parameter" || parent.type === "typed_default_parameter") && isField(parent, "name", leaf))
    return true;
  if (["typed_parameter", "list_splat_pattern", "dictionary_splat_pattern"].includes(parent.type)) {
    return !!grand && (grand.type === "parameters" || grand.type === "lambda_parameters");
  }
  return false;
}
function isBindingTarget(chain, leafIndex) {
  let j = leafIndex - 1;
  while (j > 0 && PATTERNS.has(chain[j].type))
    j--;
  const owner = chain[j];
  const child = chain[j + 1];
  switch (owner.type) {
    case "assignment":
    case "augmented_assignment":
    case "for_statement":
    case "for_in_clause":
      return isField(owner, "left", child);
    case "as_pattern":
      return isField(owner, "alias", child);
    case "named_expression":
      return isField(owner, "name", child);
    default:
      return false;
  }
}
function importedNames(node) {
  const out = [];
  const dotted = (n) => n.text.replace(/\s+/g, "");
  if (node.type === "import_statement") {
    for (const item of node.namedChildren) {
      if (item.type === "dotted_name") {
        const top = dotted(item).split(".")[0];
        out.push([top, top, false]);
      } else if (item.type === "aliased_import") {
        const name = item.childForFieldName("name");
        const alias = item.childForFieldName("alias");
        if (name && alias)
          out.push([alias.text, dotted(name), false]);
      }
    }
    return out;
  }
  const moduleNode = node.childForFieldName("module_name");
  if (!moduleNode)
    return out;
  const module = moduleNode.type === "relative_import" ? null : dotted(moduleNode);
  for (const child of node.namedChildren) {
    if (sameNode(child, moduleNode) || child.type === "comment")
      continue;
    if (child.type === "wildcard_import")
      out.push(["*", module, true]);
    else if (child.type === "dotted_name")
      out.push([child.text, module ? `${module}.${dotted(child)}` : null, false]);
    else if (child.type === "aliased_import") {
      const name = child.childForFieldName("name");
      const alias = child.childForFieldName("alias");
      if (name && alias)
        out.push([alias.text, module ? `${module}.${dotted(name)}` : null, false]);
    }
  }
  return out;
}
var SCOPES, PATTERNS, NameIndex, ALIAS_LINE, aliasPath;
var init_names = __esm({
  "dist/python/names.js"() {
    "use strict";
    init_locate();
    SCOPES = /* @__PURE__ */ new Set(["function_definition", "lambda", "class_definition"]);
    PATTERNS = /* @__PURE__ */ new Set([
      "pattern_list",
      "tuple_pattern",
      "list_pattern",
      "tuple",
      "list",
      "parenthesized_expression",
      "list_splat_pattern",
      "as_pattern_target"
    ]);
    NameIndex = class {
      bindings = /* @__PURE__ */ new Map();
      globals = /* @__PURE__ */ new Map();
      starModules = [];
      /** Local names some import (or an alias of one) binds to a prefix of a target path. */
      names = /* @__PURE__ */ new Set();
      /**
       * Names bound by an alias assignment (`ts = paddle.jit.to_static`,
       * `jit = paddle.jit`, `convert = functools.partial(paddle.jit.to_static)`),
       * by the offset of the name being bound.
       */
      aliases = /* @__PURE__ */ new Map();
      /** Chains of every occurrence of those names (and of extra words asked for). */
      chains;
      /**
       * @param targets qualified paths that matter (e.g. paddle.jit.to_static, paddle.jit.save)
       * @param extraWords further words whose occurrences the caller wants located
       */
      constructor(tree, text, targets, extraWords) {
        const root = tree.rootNode;
        const importChains = locate(tree, wordPositions(text, ["import"]));
        const statements = /* @__PURE__ */ new Map();
        for (const chain of importChains.values()) {
          for (let i = chain.length - 1; i >= 0; i--) {
            const node = chain[i];
            if (node.type === "import_statement" || node.type === "import_from_statement") {
              statements.set(node.startIndex, { node, chain: chain.slice(0, i + 1) });
              break;
            }
          }
        }
        const relevant = (q) => targets.some((t) => t === q || t.startsWith(`${q}.`));
        for (const { node, chain } of statements.values()) {
          const scope = scopeKey(innerScopes(chain, chain.length - 1)[0] ?? root);
          for (const [name, qualified, star] of importedNames(node)) {
            if (star) {
              if (qualified && chain.length <= 2)
                this.starModules.push(qualified);
              for (const t of targets)
                if (qualified && t.startsWith(`${qualified}.`))
                  this.names.add(t.slice(qualified.length + 1).split(".")[0]);
              continue;
            }
            this.bind(scope, name, qualified);
            if (qualified && relevant(qualified))
              this.names.add(name);
          }
        }
        this.findAliases(tree, text, relevant);
        const bindable = bindablePositions(text, [...this.names].filter((n) => !extraWords.includes(n)));
        this.chains = locate(tree, [...bindable, ...wordPositions(text, extraWords)]);
        for (const chain of this.chains.values()) {
          const leaf = chain[chain.length - 1];
          if (leaf.type === "identifier" && this.names.has(leaf.text))
            this.recordOccurrence(chain, root);
        }
      }
      /** Qualified path of a dotted expression (`pd.jit.to_static` -> "paddle.jit.to_static"), seen from `chain`. */
      qualify(expr, chain) {
        const parts = [];
        let node = expr;
        while (node?.type === "attribute") {
          const attribute = node.childForFieldName("attribute");
          if (!attribute)
            return null;
          parts.unshift(attribute.text);
          node = node.childForFieldName("object");
        }
        if (node?.type !== "identifier")
          return null;
        const base = this.resolve(node.text, chain);
        return base === null ? null : [base, ...parts].join(".");
      }
      /** What `name` refers to at the place `chain` leads to. */
      resolve(name, chain) {
        const scopes = innerScopes(chain, chain.length - 1);
        scopes.push(chain[0]);
        let first = true;
        for (const scope of scopes) {
          const key = scopeKey(scope);
          if (scope.type === "class_definition" && !first)
            continue;
          first = false;
          if (this.globals.get(key)?.has(name))
            return this.fromScope(scopeKey(chain[0]), name);
          const bindings = this.bindings.get(key)?.get(name);
          if (bindings)
            return fromBindings(bindings);
        }
        return this.fromStar(name);
      }
      fromScope(key, name) {
        const bindings = this.bindings.get(key)?.get(name);
        return bindings ? fromBindings(bindings) : this.fromStar(name);
      }
      fromStar(name) {
        const m = this.starModules;
        return m.length ? `${m[m.length - 1]}.${name}` : null;
      }
      bind(scope, name, qualified) {
        let names = this.bindings.get(scope);
        if (!names)
          this.bindings.set(scope, names = /* @__PURE__ */ new Map());
        const list = names.get(name);
        if (list)
          list.push({ qualified });
        else
          names.set(name, [{ qualified }]);
      }
      /**
       * Alias assignments of an imported path: each binds its name like an
       * import does. Two passes reach an alias of an alias (`jit = paddle.jit`
       * then `ts = jit.to_static`). Found from the text, then checked on the tree.
       */
      findAliases(tree, text, relevant) {
        for (let pass = 0; pass < 2; pass++) {
          const before = this.aliases.size;
          for (const m of text.matchAll(ALIAS_LINE)) {
            if (!this.names.has(aliasPath(m).split(".")[0]))
              continue;
            const at = m.index + m[1].length;
            if (this.aliases.has(at))
              continue;
            const chain = locate(tree, [at]).get(at);
            const leaf = chain?.[chain.length - 1];
            const assignment = chain?.[chain.length - 2];
            if (!chain || leaf?.type !== "identifier" || assignment?.type !== "assignment" || !isField(assignment, "left", leaf))
              continue;
            const value = aliasedValue(assignment.childForFieldName("right"));
            const qualified = value ? this.qualify(value, chain) : null;
            if (!qualified || !relevant(qualified))
              continue;
            this.bind(scopeKey(innerScopes(chain, chain.length - 1)[0] ?? tree.rootNode), leaf.text, qualified);
            this.names.add(leaf.text);
            this.aliases.set(at, leaf.text);
          }
          if (this.aliases.size === before)
            break;
        }
      }
      /** Records a non-import binding (or a global declaration) of a relevant name. */
      recordOccurrence(chain, root) {
        const leafIndex = chain.length - 1;
        const leaf = chain[leafIndex];
        if (this.aliases.has(leaf.startIndex))
          return;
        const parent = chain[leafIndex - 1];
        if (!parent)
          return;
        if (parent.type === "global_statement" || parent.type === "nonlocal_statement") {
          const scope = innerScopes(chain, leafIndex)[0] ?? root;
          const key = scopeKey(scope);
          if (!this.globals.has(key))
            this.globals.set(key, /* @__PURE__ */ new Set());
          this.globals.get(key).add(leaf.text);
          return;
        }
        if ((parent.type === "function_definition" || parent.type === "class_definition") && isField(parent, "name", leaf)) {
          this.bind(scopeKey(innerScopes(chain, leafIndex - 1)[0] ?? root), leaf.text, null);
          return;
        }
        if (isParameter(chain, leafIndex)) {
          const owner = chain.slice(0, leafIndex).reverse().find((n) => n.type === "function_definition" || n.type === "lambda");
          if (owner)
            this.bind(scopeKey(owner), leaf.text, null);
          return;
        }
        if (isBindingTarget(chain, leafIndex)) {
          this.bind(scopeKey(innerScopes(chain, leafIndex)[0] ?? root), leaf.text, null);
        }
      }
    };
    ALIAS_LINE = /^([ \t]*)([A-Za-z_]\w*)[ \t]*=[ \t]*(?:(?:functools[ \t]*\.[ \t]*)?partial[ \t]*\([ \t]*([A-Za-z_][\w.]*)[ \t]*[,)]|([A-Za-z_][\w.]*)[ \t]*(?:#.*)?\r?$)/gm;
    aliasPath = (m) => m[3] ?? m[4];
  }
});

// dist/python/parser.js
import { createRequire } from "node:module";
function getParser() {
  if (!parser) {
    const Parser = require2("tree-sitter");
    parser = new Parser();
    parser.setLanguage(require2("tree-sitter-python"));
  }
  return parser;
}
function query(source) {
  let q = queries.get(source);
  if (!q) {
    const Parser = require2("tree-sitter");
    queries.set(source, q = new Parser.Query(require2("tree-sitter-python"), source));
  }
  return q;
}
function parsePython(text) {
  return withoutNodeCache(getParser().parse(text, void 0, { bufferSize: Math.max(32 * 1024, text.length + 1) }));
}
function withoutNodeCache(tree) {
  const cached = tree;
  if (typeof cached._cacheNode === "function")
    cached._cacheNode = noCache;
  if (typeof cached._cacheNodes === "function")
    cached._cacheNodes = noCache;
  return tree;
}
function firstSyntaxError(tree) {
  if (!tree.rootNode.hasError)
    return null;
  const cursor = tree.walk();
  let found2 = null;
  const visit = () => {
    do {
      const node2 = cursor.currentNode;
      if (node2.type === "ERROR" || node2.isMissing) {
        found2 = node2;
        return;
      }
      if (node2.hasError && cursor.gotoFirstChild()) {
        visit();
        if (found2)
          return;
        cursor.gotoParent();
      }
    } while (cursor.gotoNextSibling());
  };
  if (cursor.gotoFirstChild())
    visit();
  const node = found2 ?? tree.rootNode;
  return { line: node.startPosition.row + 1, column: node.startPosition.column + 1 };
}
var require2, parser, queries, noCache;
var init_parser = __esm({
  "dist/python/parser.js"() {
    "use strict";
    require2 = createRequire(import.meta.url);
    queries = /* @__PURE__ */ new Map();
    noCache = () => {
    };
  }
});

// dist/python/partial-parse.js
function lastIndexAtMost(items, key, value) {
  let lo = -1;
  let hi = items.length - 1;
  while (lo < hi) {
    const mid = lo + hi + 1 >> 1;
    if (key(items[mid]) <= value)
      lo = mid;
    else
      hi = mid - 1;
  }
  return lo;
}
function excerptAround(text, spans) {
  const chunks = topLevelChunks(text);
  const included = chunks.map(() => false);
  for (const span of spans) {
    for (let k = chunkIndex(chunks, span.start); k < chunks.length && chunks[k].start <= span.end; k++)
      included[k] = true;
  }
  return excerpt(text, chunks, included);
}
function chunkIndex(chunks, position) {
  return Math.max(0, lastIndexAtMost(chunks, (c) => c.start, position));
}
function excerpt(text, chunks, included) {
  const parts = [];
  const segments = [];
  let at = 0;
  let row = 0;
  for (let k = 0; k < chunks.length; k++) {
    if (!included[k])
      continue;
    let last = k;
    while (last + 1 < chunks.length && included[last + 1])
      last++;
    const first = chunks[k];
    const end = chunks[last];
    segments.push({ at, from: first.start, length: end.end - first.start, row, fromRow: first.startRow });
    parts.push(text.slice(first.start, end.end));
    at += end.end - first.start;
    row += end.endRow - first.startRow;
    k = last;
  }
  return new Excerpt(parts.join(""), segments);
}
var PARTIAL_PARSE_MIN_CHARS, Excerpt, PartialPlan;
var init_partial_parse = __esm({
  "dist/python/partial-parse.js"() {
    "use strict";
    init_chunks();
    init_locate();
    PARTIAL_PARSE_MIN_CHARS = 1 << 20;
    Excerpt = class {
      text;
      segments;
      constructor(text, segments) {
        this.text = text;
        this.segments = segments;
      }
      /**
       * Offset in the original text. An offset where two runs meet belongs to the
       * end of the earlier one (text inserted there follows what precedes it).
       */
      originalOffset(offset) {
        const s = this.segments;
        const k = Math.min(lastIndexAtMost(s, (seg) => seg.at + seg.length, offset - 1) + 1, s.length - 1);
        return s[k].from + (offset - s[k].at);
      }
      /** 0-based row in the original text of a 0-based row of the excerpt. */
      originalRow(row) {
        const seg = this.segments[Math.max(0, lastIndexAtMost(this.segments, (x) => x.row, row))];
        return seg.fromRow + (row - seg.row);
      }
    };
    PartialPlan = class _PartialPlan {
      text;
      chunks;
      included;
      constructor(text, chunks) {
        this.text = text;
        this.chunks = chunks;
        const firstDefinition = chunks.findIndex((c) => c.definition);
        this.included = chunks.map((c, k) => !c.definition || k <= firstDefinition);
      }
      /** A plan that keeps the definitions naming any of `words`, or null when it would parse everything anyway. */
      static create(text, words) {
        const chunks = topLevelChunks(text);
        if (!chunks.some((c) => c.definition))
          return null;
        const plan = new _PartialPlan(text, chunks);
        plan.include(wordPositions(text, words));
        return plan.included.every(Boolean) ? null : plan;
      }
      /** Adds the chunks holding these positions; true when any was left out before. */
      include(positions) {
        let added = false;
        let k = 0;
        for (const p of [...positions].sort((a, b) => a - b)) {
          while (k < this.chunks.length && this.chunks[k].end <= p)
            k++;
          if (k < this.chunks.length && !this.included[k]) {
            this.included[k] = true;
            added = true;
          }
        }
        return added;
      }
      /** Share of the text the parse reads (for reports and tests). */
      get share() {
        let chars = 0;
        this.chunks.forEach((c, k) => chars += this.included[k] ? c.end - c.start : 0);
        return this.text.length ? chars / this.text.length : 1;
      }
      excerpt() {
        return excerpt(this.text, this.chunks, this.included);
      }
    };
  }
});

// dist/python/scope-facts.js
var FACTS, ScopeFacts, Facts;
var init_scope_facts = __esm({
  "dist/python/scope-facts.js"() {
    "use strict";
    init_locate();
    init_parser();
    FACTS = `
(assignment left: [(identifier) (attribute)] @left right: [(identifier) (attribute)] @right)
(attribute object: (_) @object attribute: (identifier) @attribute) @read
(call function: [(identifier) (attribute)] @fn arguments: (argument_list) @args) @call
`;
    ScopeFacts = class {
      attributeNames;
      cache = /* @__PURE__ */ new Map();
      hint;
      /** @param attributeNames the attribute reads worth recording (those that raise under SOT) */
      constructor(attributeNames) {
        this.attributeNames = attributeNames;
        this.hint = new RegExp(`save|${[...attributeNames].join("|")}`);
      }
      of(scope) {
        const key = `${scope.type}:${scope.startIndex}:${scope.endIndex}`;
        let facts = this.cache.get(key);
        if (!facts)
          this.cache.set(key, facts = new Facts(scope, this.attributeNames, this.hint));
        return facts;
      }
    };
    Facts = class {
      scope;
      attributeNames;
      hint;
      gathered;
      constructor(scope, attributeNames, hint) {
        this.scope = scope;
        this.attributeNames = attributeNames;
        this.hint = hint;
      }
      /** The targets plus every name that plain reassignments (`y = x`) make of them. */
      aliases(initial) {
        const aliases = new Set(initial);
        const assignments = this.assignments();
        for (let changed = true; changed; ) {
          changed = false;
          for (const a of assignments) {
            if (aliases.has(a.right) && !aliases.has(a.left)) {
              aliases.add(a.left);
              changed = true;
            }
          }
        }
        return aliases;
      }
      /** First read of a listed attribute whose object `suffixOf` accepts; after `after` when possible. */
      programRead(suffixOf, after) {
        let best = null;
        for (const read of this.attributes()) {
          const suffix = suffixOf(read.object);
          if (suffix === null)
            continue;
          const found2 = { node: read.node, path: `${suffix}.${read.attribute}` };
          if (after === null || read.node.startIndex >= after)
            return found2;
          best ??= found2;
        }
        return best;
      }
      /** First call `isSave` accepts with an argument `pick` names. */
      save(isSave2, pick) {
        for (const call of this.calls()) {
          if (!isSave2(call.fn))
            continue;
          for (const arg of call.args.namedChildren) {
            const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
            const what = value ? pick(compact(value)) : null;
            if (what)
              return { node: call.node, what };
          }
        }
        return null;
      }
      assignments() {
        return this.gather().assignments;
      }
      attributes() {
        return this.gather().attributes;
      }
      calls() {
        return this.gather().calls;
      }
      gather() {
        if (this.gathered)
          return this.gathered;
        const gathered = { assignments: [], attributes: [], calls: [] };
        this.gathered = gathered;
        if (!this.hint.test(this.scope.text))
          return gathered;
        for (const m of query(FACTS).matches(this.scope)) {
          const get = (name) => m.captures.find((c) => c.name === name).node;
          if (m.pattern === 0) {
            gathered.assignments.push({ left: compact(get("left")), right: compact(get("right")) });
          } else if (m.pattern === 1) {
            const attribute = get("attribute").text;
            if (this.attributeNames.has(attribute))
              gathered.attributes.push({ node: get("read"), object: compact(get("object")), attribute });
          } else {
            const fn = get("fn");
            if (fn.type === "attribute" && !/save$/.test(fn.text))
              continue;
            gathered.calls.push({ node: get("call"), fn, args: get("args") });
          }
        }
        return gathered;
      }
    };
  }
});

// dist/python/sites.js
function calleeWords(callees) {
  return callees.map((c) => c.slice(c.lastIndexOf(".") + 1));
}
function findSites(names, callees, guardFunction) {
  const sites = [];
  for (const chain of names.chains.values()) {
    const site = siteAt(chain, names, callees);
    if (site && !(guardFunction && insideModuleFunction(site.chain, guardFunction)))
      sites.push(site);
  }
  return sites.sort((a, b) => a.node.startIndex - b.node.startIndex);
}
function siteAt(chain, names, callees) {
  let i = chain.length - 1;
  if (chain[i].type !== "identifier")
    return null;
  const parent = chain[i - 1];
  if (parent?.type === "attribute") {
    if (!isField(parent, "attribute", chain[i]))
      return null;
    i--;
  }
  const callee = chain[i];
  const holder = chain[i - 1];
  if (!holder)
    return null;
  let site = null;
  if (holder.type === "call" && isField(holder, "function", callee)) {
    const decorator = chain[i - 2]?.type === "decorator" ? chain[i - 2] : null;
    site = {
      form: decorator ? "decorator" : "call",
      node: holder,
      calleeNode: callee,
      args: holder.childForFieldName("arguments"),
      decorated: decorator ? definitionOf(chain[i - 3]) : null
    };
    i--;
  } else if (holder.type === "decorator") {
    site = { form: "decorator", node: callee, calleeNode: callee, args: null, decorated: definitionOf(chain[i - 2]) };
  }
  if (!site)
    return null;
  const qualified = names.qualify(callee, chain.slice(0, i + 1));
  if (qualified === null || !callees.has(qualified))
    return null;
  return { ...site, chain: chain.slice(0, i + 1) };
}
function insideModuleFunction(chain, name) {
  const statement = chain[1];
  return statement?.type === "function_definition" && statement.childForFieldName("name")?.text === name;
}
function definitionOf(decorated) {
  return decorated?.type === "decorated_definition" ? decorated.childForFieldName("definition") : null;
}
var init_sites = __esm({
  "dist/python/sites.js"() {
    "use strict";
    init_locate();
  }
});

// dist/rewrite/call-site.js
function keywordInsertion(text, site, keyword, indentUnit) {
  const args = site.args;
  if (!args)
    return insertion(site.node.endIndex, `(${keyword})`);
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const open = args.children[0];
  if (!items.length)
    return insertion(open.endIndex, keyword);
  const last = items[items.length - 1];
  const comma = trailingComma(args, last);
  if (!comma)
    return insertion(last.endIndex, `, ${keyword}`);
  const close = args.children[args.childCount - 1];
  if (close.startPosition.row === comma.startPosition.row)
    return insertion(comma.endIndex, ` ${keyword},`);
  const eolStart = text.indexOf("\n", comma.endIndex);
  const offset = text[eolStart - 1] === "\r" ? eolStart - 1 : eolStart;
  const eol = text[eolStart - 1] === "\r" ? "\r\n" : "\n";
  let indent = leadingWhitespace(text, comma.startIndex);
  if (comma.startPosition.row === open.startPosition.row)
    indent += indentUnit;
  return insertion(offset, `${eol}${indent}${keyword},`);
}
function bareKeywordGuard(keywordArgument, guardCall) {
  return { start: keywordArgument.startIndex, end: keywordArgument.endIndex, text: `**(${guardCall})` };
}
function bareKeywordRestore(splat, bare) {
  return { start: splat.startIndex, end: splat.endIndex, text: bare };
}
function hasTrailingComma(args) {
  const last = args.namedChildren.filter((c) => c.type !== "comment").pop();
  return Boolean(last && trailingComma(args, last));
}
function trailingComma(args, last) {
  for (const child of args.children) {
    if (child.startIndex >= last.endIndex && child.type === ",")
      return child;
  }
  return null;
}
function keywordRemoval(text, args, splat) {
  const children = args.children;
  const open = children[0];
  const close = children[children.length - 1];
  const items = args.namedChildren.filter((c) => c.type !== "comment");
  const index = items.findIndex((c) => c.id === splat.id);
  const position = children.findIndex((c) => c.id === splat.id);
  const after = children[position + 1];
  const commaAfter = after?.type === "," && after.startIndex === splat.endIndex ? after : null;
  const exact = (start, end) => ({ removal: removal(start, end), irregular: false });
  const isLast = index === items.length - 1;
  if (items.length === 1 && !commaAfter && splat.startIndex === open.endIndex) {
    const decorator = args.parent?.parent?.type === "decorator";
    if (decorator && splat.endIndex === close.startIndex)
      return exact(args.startIndex, args.endIndex);
    return exact(splat.startIndex, splat.endIndex);
  }
  if (isLast && index > 0) {
    const prev = items[index - 1];
    if (!commaAfter && text.slice(prev.endIndex, splat.startIndex) === ", ")
      return exact(prev.endIndex, splat.endIndex);
    if (!commaAfter && /^,[ \t]*\r?\n[ \t]*$/.test(text.slice(prev.endIndex, splat.startIndex)))
      return exact(prev.endIndex, splat.endIndex);
    const commaBefore = children.slice(0, position).reverse().find((c) => c.type === ",");
    if (commaAfter && commaBefore && commaBefore.startIndex >= prev.endIndex) {
      if (commaBefore.endIndex === splat.startIndex - 1 && text[splat.startIndex - 1] === " " && close.startPosition.row === commaBefore.startPosition.row) {
        return exact(splat.startIndex - 1, commaAfter.endIndex);
      }
      const keywordLine = lineStart(text, splat.startIndex);
      const eol = text.startsWith("\r\n", commaAfter.endIndex) ? "\r\n" : text[commaAfter.endIndex] === "\n" ? "\n" : null;
      const ownLine2 = /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex)) && commaBefore.endIndex < keywordLine;
      if (eol && ownLine2 && text.slice(keywordLine - eol.length, keywordLine) === eol && keywordLine - eol.length >= commaBefore.endIndex) {
        return exact(keywordLine - eol.length, commaAfter.endIndex);
      }
    }
  }
  return { removal: looseRemoval(text, children, position, splat), irregular: true };
}
function looseRemoval(text, children, position, splat) {
  const after = children[position + 1];
  if (after?.type === ",") {
    const keywordLine = lineStart(text, splat.startIndex);
    const rest = /^[ \t]*(\r?\n)/.exec(text.slice(after.endIndex, after.endIndex + 256));
    if (rest && /^[ \t]*$/.test(text.slice(keywordLine, splat.startIndex))) {
      return removal(keywordLine, after.endIndex + rest[0].length);
    }
    const spaces = /^[ \t]*/.exec(text.slice(after.endIndex, after.endIndex + 256))[0];
    return removal(splat.startIndex, after.endIndex + spaces.length);
  }
  const before = children.slice(0, position).reverse().find((c) => c.type === "," || c.type === "(");
  if (before?.type === ",")
    return removal(before.startIndex, splat.endIndex);
  return removal(splat.startIndex, splat.endIndex);
}
var init_call_site = __esm({
  "dist/rewrite/call-site.js"() {
    "use strict";
    init_conventions();
    init_edits();
    init_lines();
  }
});

// dist/rewrite/guard.js
function renderGuard(guard, conv) {
  return guard.source.split("\n").map((line) => {
    let depth = 0;
    while (line.startsWith(TEMPLATE_INDENT.repeat(depth + 1)))
      depth++;
    const body = line.slice(TEMPLATE_INDENT.length * depth);
    const converted = conv.quote === "'" && !body.startsWith("#") ? body.replace(/"([^"'\\]*)"/g, "'$1'") : body;
    return conv.indent.repeat(depth) + converted;
  });
}
function guardInsertion(text, module, guard, conv, firstUse, notes = []) {
  const lines = renderGuard(guard, conv);
  const block = [...lines.slice(0, -1), ...notes, lines[lines.length - 1]].join(conv.eol);
  const { eol } = conv;
  const anchor = topBlockEnd(module, firstUse);
  const after = anchor === null ? null : lineEnd(text, anchor);
  if (after === null || after > firstUse) {
    const first = firstStatement(module);
    const offset = anchor !== null ? lineStart(text, anchor) : first ? lineStart(text, first.startIndex) : text.length;
    const gap = first && first.startIndex < offset ? eol + eol : "";
    const prefix = offset > 0 && !endsWithEol(text, offset) ? eol : "";
    return insertion(offset, prefix + gap + block + eol);
  }
  if (after >= text.length && !endsWithEol(text, after))
    return insertion(after, eol + eol + eol + block);
  return insertion(after, eol + eol + block + eol);
}
function guardNoteInsertion(text, guard, notes, eol) {
  const begin = text.indexOf(guard.beginMarker);
  const end = markerLines(text, guard.endMarker).find((at) => at > begin);
  return end === void 0 ? null : insertion(end, notes.map((note) => note + eol).join(""));
}
function topBlockEnd(module, firstUse) {
  let end = null;
  let index = 0;
  const cursor = module.walk();
  if (!cursor.gotoFirstChild())
    return null;
  do {
    if (!cursor.nodeIsNamed || cursor.nodeType === "comment")
      continue;
    const stmt = cursor.currentNode;
    if (STOPS.has(stmt.type) || stmt.endIndex > firstUse || isMainGuard(stmt))
      break;
    if (index === 0 && isDocstring(stmt) || IMPORTS.has(stmt.type) || containsImport(stmt))
      end = stmt.endIndex;
    index++;
  } while (cursor.gotoNextSibling());
  return end;
}
function isDocstring(stmt) {
  return stmt.type === "expression_statement" && stmt.namedChildCount === 1 && stmt.namedChildren[0].type === "string";
}
function containsImport(stmt) {
  if (stmt.type !== "try_statement" && stmt.type !== "if_statement")
    return false;
  return stmt.descendantsOfType([...IMPORTS]).length > 0 && stmt.descendantsOfType("call").length === 0;
}
function isMainGuard(stmt) {
  return stmt.type === "if_statement" && /__name__/.test(stmt.childForFieldName("condition")?.text ?? "");
}
function endsWithEol(text, offset) {
  return offset > 0 && text[offset - 1] === "\n";
}
function firstStatement(module) {
  const cursor = module.walk();
  if (!cursor.gotoFirstChild())
    return null;
  do {
    if (cursor.nodeIsNamed && cursor.nodeType !== "comment")
      return cursor.currentNode;
  } while (cursor.gotoNextSibling());
  return null;
}
function guardBlockRemovals(text, tree, guard) {
  const { beginMarker, endMarker } = guard;
  const begins = markerLines(text, beginMarker).filter((at) => isMarkerComment(tree, at));
  const ends = markerLines(text, endMarker).filter((at) => isMarkerComment(tree, at));
  const removals = [];
  let e = 0;
  for (const begin of begins) {
    while (e < ends.length && ends[e] < begin)
      e++;
    if (e >= ends.length)
      return "a guard block begins but never ends (its end marker line is missing); left alone";
    const end = lineEnd(text, ends[e]);
    removals.push(blockRemoval(text, tree, begin, end, isLegacyBlock(text.slice(begin, end))));
    e++;
  }
  return removals;
}
function isLegacyBlock(block) {
  return block.includes("inspect");
}
function markerLines(text, marker) {
  const out = [];
  for (const at of occurrences(text, marker)) {
    const startsLine = at === 0 || text[at - 1] === "\n";
    const end = at + marker.length;
    const endsLine = end === text.length || text[end] === "\n" || text.startsWith("\r\n", end);
    if (startsLine && endsLine)
      out.push(at);
  }
  return out;
}
function isMarkerComment(tree, at) {
  const node = tree.rootNode.descendantForIndex(at, at + 1);
  return node.type === "comment" && node.startIndex === at && node.startPosition.column === 0;
}
function blockRemoval(text, tree, start, end, legacy) {
  if (!statementBefore(tree, start))
    return legacy ? removal(start, skipEmptyLines(text, end, 2)) : removal(start, end);
  let from = start;
  for (let i = 0; i < 2; i++) {
    const prev = emptyLineBefore(text, from);
    if (prev < 0)
      break;
    from = prev;
  }
  if (end >= text.length) {
    const unterminated = !endsWithEol(text, end) && endsWithEol(text, from);
    return removal(unterminated ? from - (text.startsWith("\r\n", from - 2) ? 2 : 1) : from, end);
  }
  if (!legacy)
    return removal(from, end);
  return legacyRemoval(text, from, end);
}
function legacyRemoval(text, from, end) {
  const blank = blankRun(text, end);
  let inserted = 0;
  if (blank.count === 2)
    inserted = 2 - conventionalGap(text, blank.next);
  return removal(from, skipEmptyLines(text, end, Math.min(inserted, blank.leadingEmpty)));
}
function statementBefore(tree, offset) {
  const cursor = tree.rootNode.walk();
  if (!cursor.gotoFirstChild())
    return false;
  do {
    if (cursor.nodeIsNamed && cursor.nodeType !== "comment")
      return cursor.startIndex < offset;
  } while (cursor.gotoNextSibling());
  return false;
}
function conventionalGap(text, next) {
  return /^(?:@|def\s|class\s|async\s+def\s)/.test(text.slice(next, next + 16)) ? 2 : 1;
}
function blankRun(text, offset) {
  let count = 0;
  let leadingEmpty = 0;
  let i = offset;
  for (; ; ) {
    const m = /^[ \t\f]*\r?\n/.exec(text.slice(i, i + 256));
    if (!m)
      break;
    if (leadingEmpty === count && (m[0] === "\n" || m[0] === "\r\n"))
      leadingEmpty++;
    count++;
    i += m[0].length;
  }
  return { count, leadingEmpty, next: i };
}
function skipEmptyLines(text, offset, n) {
  let i = offset;
  for (let k = 0; k < n; k++) {
    if (text[i] === "\n")
      i += 1;
    else if (text.startsWith("\r\n", i))
      i += 2;
    else
      break;
  }
  return i;
}
function emptyLineBefore(text, offset) {
  if (offset >= 2 && text[offset - 1] === "\n" && text[offset - 2] === "\n")
    return offset - 1;
  if (offset >= 3 && text.startsWith("\r\n", offset - 2) && text[offset - 3] === "\n")
    return offset - 2;
  return -1;
}
var TEMPLATE_INDENT, IMPORTS, STOPS;
var init_guard = __esm({
  "dist/rewrite/guard.js"() {
    "use strict";
    init_edits();
    init_lines();
    TEMPLATE_INDENT = "    ";
    IMPORTS = /* @__PURE__ */ new Set(["import_statement", "import_from_statement", "future_import_statement"]);
    STOPS = /* @__PURE__ */ new Set(["function_definition", "class_definition", "decorated_definition"]);
  }
});

// dist/rewrite/select.js
function selectFix(fix2, line, selection) {
  if (fix2.applicability === "display-only")
    return { apply: false };
  const promotedBecause = selection.promoted?.get(line);
  if (promotedBecause)
    return { apply: true, promotedBecause };
  if (fix2.applicability === "unsafe" && !selection.unsafe)
    return { apply: false };
  return { apply: true };
}
var init_select = __esm({
  "dist/rewrite/select.js"() {
    "use strict";
  }
});

// dist/rewrite/wrap.js
function wrappedKeyword(text, site, keyword, plain, style, context) {
  const call = callShape(text, site);
  if (!call)
    return plain;
  const tooLong = overLimit(text, plain, style.columnLimit);
  switch (style.formatter) {
    case "yapf":
      if (!tooLong && call.open.startPosition.row === call.close.startPosition.row)
        return plain;
      if (call.trailingComma)
        return plain;
      return yapfLayout(text, call, keyword, style, context.eol) ?? plain;
    case "black":
    case "ruff":
      if (!tooLong || call.trailingComma || call.multiLineItem)
        return plain;
      return blackLayout(call, keyword, style, context) ?? plain;
    case "pycodestyle":
      if (!tooLong || call.trailingComma || call.multiLineItem)
        return plain;
      return ownLine(text, call, keyword, style, context.eol) ?? plain;
  }
}
function callShape(text, site) {
  const args = site.args;
  if (!args || args.type !== "argument_list")
    return null;
  const open = args.children[0];
  const close = args.children[args.childCount - 1];
  if (args.namedChildren.some((c) => c.type === "comment"))
    return null;
  const items = args.namedChildren.map((c) => text.slice(c.startIndex, c.endIndex));
  const headStart = lineStart(text, open.startIndex);
  const head = text.slice(headStart, open.endIndex);
  const closeLineEnd = lineEnd(text, close.endIndex);
  const tail = text.slice(close.endIndex, closeLineEnd).replace(/\r?\n$/, "");
  if (head.includes("	") || tail.includes("#"))
    return null;
  const statement = statementOf(site.node);
  const indent = /^[ ]*/.exec(head)[0];
  let alone = statement !== null && statement.startPosition.row === open.startPosition.row && lineStart(text, statement.startIndex) === headStart;
  for (let node = site.node.parent; alone && node && node.id !== statement.id; node = node.parent) {
    if (BRACKETED.has(node.type))
      alone = false;
  }
  return { text, open, close, items, multiLineItem: items.some((item) => item.includes("\n")), trailingComma: hasTrailingComma(args), head, tail, indent, alone };
}
function statementOf(node) {
  let current = node;
  while (current?.parent && current.parent.type !== "block" && current.parent.type !== "module" && current.type !== "decorator") {
    current = current.parent;
  }
  return current;
}
function width(line) {
  let n = 0;
  for (const _ of line)
    n++;
  return n;
}
function padTo(text, node) {
  return " ".repeat(width(text.slice(lineStart(text, node.startIndex), node.startIndex)));
}
function overLimit(text, edit, limit) {
  const from = lineStart(text, edit.start);
  const to = lineEnd(text, edit.end);
  const after = applyEdits(text.slice(from, to), [{ start: edit.start - from, end: edit.end - from, text: edit.text }]);
  return after.split(/\r?\n/).some((line) => width(line) > limit);
}
function fits(lines, limit) {
  return lines.every((line) => width(line) <= limit);
}
function replaceArguments(call, inner) {
  return { start: call.open.endIndex, end: call.close.startIndex, text: inner };
}
function yapfLayout(text, call, keyword, style, eol) {
  if (!call.alone)
    return null;
  const args = call.open.parent.namedChildren;
  const firstNamed = args.findIndex((a) => a.type === "keyword_argument");
  if (call.multiLineItem) {
    if (firstNamed < 0)
      return null;
    const last = args[args.length - 1];
    const pad = padTo(text, last);
    if (!fits([pad + keyword + ")" + call.tail], style.columnLimit))
      return null;
    return { start: last.endIndex, end: call.close.startIndex, text: "," + eol + pad + keyword };
  }
  const items = [...call.items, keyword];
  const shared = firstNamed < 0 ? items.length : firstNamed;
  const layout = (first, next) => {
    const lines = [];
    let line = first;
    let empty = true;
    items.forEach((item, i) => {
      const piece = item + (i === items.length - 1 ? ")" + call.tail : ",");
      const alone = i >= shared;
      if (!empty && (alone || width(line + " " + piece) > style.columnLimit)) {
        lines.push(line);
        line = next + piece;
      } else {
        line += (empty ? "" : " ") + piece;
      }
      empty = false;
    });
    return [...lines, line];
  };
  const inner = (lines) => {
    const whole = lines.join(eol);
    return whole.slice(call.head.length, whole.length - 1 - call.tail.length);
  };
  const aligned = layout(call.head, " ".repeat(width(call.head)));
  if (fits(aligned, style.columnLimit))
    return replaceArguments(call, inner(aligned));
  const hang = call.indent + " ".repeat(style.continuationIndent);
  const hanging = [call.head, ...layout(hang, hang)];
  if (fits(hanging, style.columnLimit))
    return replaceArguments(call, inner(hanging));
  return null;
}
function blackLayout(call, keyword, style, context) {
  if (!call.alone || call.tail.trim() !== "")
    return null;
  const items = [...call.items, keyword];
  const limit = style.columnLimit;
  const { eol } = context;
  const body = call.indent + " ".repeat(4);
  const oneLine2 = items.join(", ");
  if (width(call.head + oneLine2 + ")") <= limit)
    return replaceArguments(call, oneLine2);
  if (fits([call.head, body + oneLine2], limit))
    return replaceArguments(call, eol + body + oneLine2 + eol + call.indent);
  const comma = style.formatter === "ruff" || acceptsCommaAfterUnpacking(style.targetVersions, context) ? "," : "";
  const lines = items.map((item, i) => body + item + (i === items.length - 1 ? comma : ","));
  if (!fits([call.head, ...lines], limit))
    return null;
  return replaceArguments(call, eol + lines.join(eol) + eol + call.indent);
}
function acceptsCommaAfterUnpacking(targets, context) {
  if (targets)
    return targets.length > 0 && targets.every((t) => !/^py3[34]$/i.test(t) && !/^py2/i.test(t));
  return context.modernSyntax();
}
function ownLine(text, call, keyword, style, eol) {
  if (!call.items.length)
    return null;
  const args = call.open.parent;
  const first = args.namedChildren[0];
  const last = args.namedChildren[args.namedChildCount - 1];
  const pad = first.startPosition.row === call.open.startPosition.row ? padTo(text, first) : /^[ ]*/.exec(text.slice(lineStart(text, last.startIndex)))[0];
  const lastLine = text.slice(lineStart(text, last.startIndex), last.endIndex) + ",";
  const rest = text.slice(last.endIndex, lineEnd(text, last.endIndex)).replace(/\r?\n$/, "");
  if (fits([lastLine, pad + keyword + rest], style.columnLimit))
    return { start: last.endIndex, end: last.endIndex, text: "," + eol + pad + keyword };
  const hang = call.indent + " ".repeat(style.continuationIndent);
  const body = [...call.items, keyword].join(", ");
  if (!call.alone || !fits([hang + body + ")" + call.tail], style.columnLimit))
    return null;
  return replaceArguments(call, eol + hang + body);
}
function usesModernSyntax(text) {
  return /(?<![\w.])(?:[fF][rRbB]?|[rR][fF])["']|\b\d+_\d|:=|,\s*\/\s*[,)]|^\s*match\s.+:\s*$|\*[\w.]+(?:\([^()]*\))?,\s*\)/m.test(text);
}
function layoutRecord(text, args, edit, eol) {
  const open = args.children[0];
  const close = args.children[args.childCount - 1];
  const gaps = [];
  let last = open.endIndex;
  for (const token of [...args.children.slice(1, -1), close]) {
    const gap = text.slice(last, token.startIndex);
    if (gap.replaceAll(eol, "").replace(/ /g, "") !== "")
      return null;
    gaps.push(gap.split(eol).map((run2) => run2.length).join("/"));
    last = token.endIndex;
  }
  const written = text.slice(open.startIndex, edit.start) + edit.text + text.slice(edit.end, close.endIndex);
  return `# --revert restores call ${fingerprint(written)} to: ${gaps.join(" ")}`;
}
function layoutNotes(block) {
  return block.split(/\r?\n/).flatMap((line) => {
    const m = RECORD.exec(line);
    return m ? [{ fingerprint: m[1], gaps: m[2].split(" ").map((gap) => gap.replace(/\d+/g, (n) => " ".repeat(Number(n)))) }] : [];
  });
}
function layoutRestore(text, args, keyword, notes, eol) {
  const at = notes.findIndex((n) => n.fingerprint === fingerprint(text.slice(args.startIndex, args.endIndex)));
  if (at < 0)
    return null;
  const items = args.namedChildren.filter((c) => c.id !== keyword.id).map((c) => text.slice(c.startIndex, c.endIndex));
  const tokens = items.flatMap((item, i) => i ? [",", item] : [item]);
  const gaps = notes[at].gaps.map((gap) => gap.replaceAll("/", eol));
  if (gaps.length !== tokens.length + 1)
    return null;
  notes.splice(at, 1);
  const inner = tokens.reduce((out, token, i) => out + token + gaps[i + 1], gaps[0]);
  return { start: args.children[0].endIndex, end: args.children[args.childCount - 1].startIndex, text: inner };
}
function fingerprint(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}
var BRACKETED, RECORD;
var init_wrap = __esm({
  "dist/rewrite/wrap.js"() {
    "use strict";
    init_call_site();
    init_edits();
    init_lines();
    BRACKETED = /* @__PURE__ */ new Set([
      "argument_list",
      "list",
      "tuple",
      "dictionary",
      "set",
      "parenthesized_expression",
      "subscript",
      "generator_expression",
      "list_comprehension",
      "dictionary_comprehension",
      "set_comprehension"
    ]);
    RECORD = /^# --revert restores call ([0-9a-f]{8}) to: ([0-9/ ]+)$/;
  }
});

// dist/rewrite/fix-source.js
function fixSource(text, options = {}) {
  const patch = options.patch ?? loadPatch();
  const unchanged = (sites = [], extra = {}) => ({
    status: "unchanged",
    text,
    sites,
    edits: [],
    ...extra
  });
  if (!mayContainSite(text, patch))
    return unchanged();
  if (options.lexicalSkip !== false && !namedInCode(text, lastName(patch.callee)))
    return unchanged();
  const parsed = parseAndAnalyse(text, options, patch);
  if ("syntaxError" in parsed) {
    const { line, column } = parsed.syntaxError;
    return unchanged([], { status: "skipped", code: "file/syntax-error", reason: `syntax error at ${line}:${column}` });
  }
  const { source, tree, analysis } = parsed;
  const uses = options.helperUsesOf?.length && source instanceof WholeText ? { helperUses: usesOfHelpers(tree, text, options.helperUsesOf, options.path ?? null, patch) } : {};
  const style = options.style ?? "guarded";
  const exactBare = `${patch.keyword}=${patch.value}`;
  const keywordText = style === "plain" ? exactBare : `**${patch.guard.function}()`;
  let conventions = null;
  const conv = () => conventions ??= detectConventions(text);
  let lineStyle;
  const formatter = () => lineStyle === void 0 ? lineStyle = options.lineStyle?.() ?? null : lineStyle;
  const bare = options.bareKeyword ?? { action: "keep", paddle: null };
  const guardBare = bare.action === "guard" && style === "guarded" ? `${patch.guard.function}()` : null;
  let modern;
  const modernSyntax = () => modern ??= usesModernSyntax(text) || analysis.findings.some((f) => f.state.kind === "open" && f.site.args !== null && hasTrailingComma(f.site.args));
  const layoutNotes2 = /* @__PURE__ */ new Map();
  const planned = analysis.findings.map((finding) => {
    const keyword = () => {
      const plain = keywordInsertion(source.text, finding.site, keywordText, conv().indent);
      const layout = formatter();
      const wrapped = layout ? wrappedKeyword(source.text, finding.site, keywordText, plain, layout, { eol: conv().eol, modernSyntax }) : plain;
      if (wrapped === plain || style === "plain")
        return wrapped;
      const note = layoutRecord(source.text, finding.site.args, wrapped, conv().eol);
      if (note === null)
        return plain;
      layoutNotes2.set(wrapped, note);
      return wrapped;
    };
    const fix2 = planFix(finding, keyword, style, guardBare, exactBare, Boolean(options.overrideFullGraphFalse));
    const decision = fix2 ? selectFix(fix2, finding.place.line, { unsafe: options.all, promoted: options.force }) : { apply: false };
    return { finding, fix: fix2, decision, report: siteReport(finding, decision, bare) };
  });
  const applied = planned.filter((p) => p.decision.apply);
  const local = applied.flatMap((p) => p.fix.edits);
  const wantsGuard = applied.some((p) => p.fix.shared.includes("guard-block")) || analysis.usesGuard;
  const notes = local.flatMap((e) => layoutNotes2.get(e) ?? []);
  const hasGuard = text.includes(patch.guard.beginMarker);
  if (style === "guarded" && wantsGuard && !hasGuard) {
    let firstUse = source.text.length;
    for (const p of applied)
      firstUse = Math.min(firstUse, p.finding.site.node.startIndex);
    const quote = formatter()?.stringQuote;
    local.push(guardInsertion(source.text, tree.rootNode, patch.guard, quote ? { ...conv(), quote } : conv(), firstUse, notes));
  }
  const mapped = local.map((e) => ({ ...e, start: source.originalOffset(e.start), end: source.originalOffset(e.end) }));
  if (hasGuard && notes.length) {
    const note = guardNoteInsertion(text, patch.guard, notes, conv().eol);
    if (note)
      mapped.push(note);
  }
  const edits = sortedEdits(mapped);
  const reports = planned.map((p) => p.report);
  const parsedChars = source.text.length;
  const helpers = [...new Set(planned.flatMap((p) => p.finding.classification.returnedBy && p.finding.classification.class === "other" && !p.decision.apply ? [p.finding.classification.returnedBy] : []))];
  const returnedHelpers = helpers.length ? { returnedHelpers: helpers } : {};
  if (!edits.length)
    return unchanged(reports, { parsedChars, ...returnedHelpers, ...uses });
  const newText = applyEdits(text, edits);
  const problem = options.verify === false ? null : verify(newText, source instanceof Excerpt ? edits : null);
  if (problem)
    return unchanged(reports, { status: "error", code: "file/edit-not-applied", reason: `edit not applied: ${problem}`, parsedChars, ...uses });
  return { status: "changed", text: newText, sites: reports, edits, parsedChars, ...returnedHelpers, ...uses };
}
function planFix(finding, keyword, style, guardBare, exactBare, overrideFalse) {
  const { state, classification } = finding;
  if (state.kind === "already-fixed" && state.bareKeyword && guardBare && state.bareKeyword.text === exactBare) {
    return { edits: [bareKeywordGuard(state.bareKeyword, guardBare)], shared: ["guard-block"], applicability: "safe" };
  }
  if (state.kind === "already-fixed")
    return null;
  const chosen = falseRead(finding);
  if (overrideFalse && chosen)
    return { edits: [{ start: chosen.startIndex, end: chosen.endIndex, text: "True" }], shared: [], applicability: "safe" };
  if (state.kind === "needs-review")
    return { edits: [], shared: [], applicability: "display-only" };
  return {
    edits: [keyword()],
    shared: style === "guarded" ? ["guard-block"] : [],
    applicability: classification.class === "other" ? "unsafe" : "safe"
  };
}
function falseRead({ state, classification }) {
  if (state.kind !== "needs-review" || state.code !== "needs-review/full-graph-value" || classification.class !== "required")
    return null;
  return state.chosenValue?.text === "False" ? state.chosenValue : null;
}
function siteReport(finding, decision, bare) {
  const { place, state, classification } = finding;
  if (state.kind !== "open" && state.bareKeyword)
    return bareKeywordReport(place, state.bareKeyword.text, decision.apply, bare);
  if (state.kind !== "open" && falseRead(finding)) {
    if (decision.apply) {
      const reason2 = `passed full_graph=False, but ${classification.reason}, which raises on Paddle 2.6+: changed to True (--fix-full-graph-false)`;
      return { ...place, action: "fixed", code: "required/full-graph-false-overridden", reason: reason2 };
    }
    const reason = `${state.reason}, but ${classification.reason}, which raises on Paddle 2.6+ (full_graph=True there, by hand, or --fix-full-graph-false)`;
    return { ...place, action: "needs-review", code: "needs-review/full-graph-false-read", reason };
  }
  if (state.kind !== "open")
    return { ...place, action: state.kind, code: state.code, reason: state.reason };
  if (!decision.apply) {
    return { ...place, action: "skipped", code: classification.code, reason: `${classification.reason} (--all fixes it too)` };
  }
  if (decision.promotedBecause)
    return { ...place, action: "fixed", code: "traceback/traced", reason: decision.promotedBecause };
  return { ...place, action: "fixed", code: classification.code, reason: classification.reason };
}
function bareKeywordReport(place, written, guarded, bare) {
  if (guarded) {
    const why = bare.asked ? "guarded (--guard-bare-keyword)" : `Paddle ${bare.paddle} rejects it with TypeError: guarded`;
    return { ...place, action: "fixed", code: "upstream/bare-keyword-rejected", reason: `passes a bare ${written}; ${why}` };
  }
  const unguarded = "unguarded: Paddle 2.3/2.4 reject it with TypeError";
  let reason;
  if (bare.action === "guard")
    reason = `already passes ${written} (${unguarded}; left as written: only the exact spelling is guarded, and only with --style guarded)`;
  else if (bare.paddle)
    reason = `already passes ${written} (Paddle ${bare.paddle} accepts it; ${unguarded})`;
  else
    reason = `already passes ${written} (${unguarded}; the Paddle in use is unknown: --paddle-version or --guard-bare-keyword decides)`;
  return { ...place, action: "already-fixed", code: "already-fixed/upstream-unguarded", reason };
}
function parseAndAnalyse(text, options, patch) {
  if (text.length >= (options.partialParseMinChars ?? PARTIAL_PARSE_MIN_CHARS)) {
    const part = analysePart(text, options, patch);
    if (part)
      return part;
  }
  const source = new WholeText(text);
  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError)
    return { syntaxError };
  return { source, tree, analysis: analyse(tree, source, options, patch) };
}
function analysePart(text, options, patch) {
  const callees = [patch.callee, ...patch.calleeAliases];
  const plan = PartialPlan.create(text, [...calleeWords(callees), "import", "global", "nonlocal"]);
  if (!plan)
    return null;
  const attempt = () => {
    const source = plan.excerpt();
    const tree = parsePython(source.text);
    return tree.rootNode.hasError ? null : { source, tree, analysis: analyse(tree, source, options, patch) };
  };
  let part = attempt();
  if (part && plan.include(bindablePositions(text, part.analysis.names)))
    part = attempt();
  const helpers = part ? contextSiteFunctions(part.analysis) : [];
  if (part && helpers.length && plan.include(wordPositions(text, helpers)))
    part = attempt();
  if (!part || part.analysis.aliased || mayHoldAlias(text, part.analysis.names) || part.analysis.findings.some(({ site }) => site.form === "decorator" || !enclosingFunction(site.chain)))
    return null;
  return part;
}
function contextSiteFunctions(analysis) {
  const names = analysis.findings.filter((f) => CONTEXT_CODES.has(f.classification.code)).map((f) => enclosingFunction(f.site.chain)?.childForFieldName("name")?.text);
  return [...new Set(names.filter((n) => Boolean(n)))];
}
function classifyContext(names, tree, filePath, patch, originalRow) {
  return {
    names,
    root: tree.rootNode,
    filePath,
    sotAttributes: new Set(patch.sotAttributes),
    saveCallees: new Set(patch.saveCallees),
    facts: new ScopeFacts(new Set(patch.sotAttributes)),
    line: (node) => originalRow(node.startPosition.row) + 1
  };
}
function analyse(tree, source, options, patch) {
  const { text } = source;
  const callees = [patch.callee, ...patch.calleeAliases];
  const names = new NameIndex(tree, text, [...callees, ...patch.saveCallees], calleeWords([...callees, ...patch.saveCallees]));
  const ctx = classifyContext(names, tree, options.path ?? null, patch, (row) => source.originalRow(row));
  let usesGuard = false;
  const findings = findSites(names, new Set(callees), patch.guard.function).map((site) => {
    const own = classifySite(site, ctx);
    const classification = own.returnedBy && own.class === "other" && options.helperEvidence?.get(own.returnedBy) || own;
    const state = argumentState(site, patch.keyword, patch.value, patch.guard.function);
    if (state.kind !== "open" && state.code === "already-fixed/guard")
      usesGuard = true;
    const place = {
      line: ctx.line(site.node),
      column: site.node.startPosition.column + 1,
      form: site.form,
      callee: site.calleeNode.text,
      ...scopeOf(site),
      class: classification.class
    };
    return { site, place, classification, state };
  });
  return { findings, usesGuard, names: names.names, aliased: names.aliases.size > 0 };
}
function helperUses(text, helpers, options) {
  const patch = options.patch ?? loadPatch();
  const tree = parsePython(text);
  if (firstSyntaxError(tree))
    return /* @__PURE__ */ new Map();
  return usesOfHelpers(tree, text, helpers, options.path, patch);
}
function usesOfHelpers(tree, text, helpers, path26, patch) {
  const found2 = /* @__PURE__ */ new Map();
  const names = new NameIndex(tree, text, [...patch.saveCallees], calleeWords([...patch.saveCallees]));
  const ctx = classifyContext(names, tree, path26, patch, (row) => row);
  for (const helper of helpers) {
    const evidence = helperUseEvidence(helper, ctx, (line) => `${path26}:${line}`);
    if (evidence)
      found2.set(helper, evidence);
  }
  return found2;
}
function scopeOf(site) {
  const scope = scopeName(site.chain);
  const decorated = site.form === "decorator" ? site.decorated?.childForFieldName("name")?.text : null;
  const name = decorated ? scope ? `${scope}.${decorated}` : decorated : scope;
  return name ? { scope: name } : {};
}
function verify(newText, excerptEdits) {
  const source = excerptEdits ? excerptAround(newText, editedSpans(excerptEdits)) : new WholeText(newText);
  const error = firstSyntaxError(parsePython(source.text));
  return error ? `the result would have a syntax error at ${source.originalRow(error.line - 1) + 1}:${error.column}` : null;
}
var WholeText, CONTEXT_CODES;
var init_fix_source = __esm({
  "dist/rewrite/fix-source.js"() {
    "use strict";
    init_patches();
    init_prefilter();
    init_chunks();
    init_arguments();
    init_classify();
    init_conventions();
    init_locate();
    init_names();
    init_parser();
    init_partial_parse();
    init_scope_facts();
    init_sites();
    init_call_site();
    init_edits();
    init_guard();
    init_select();
    init_wrap();
    WholeText = class {
      text;
      constructor(text) {
        this.text = text;
      }
      originalOffset(offset) {
        return offset;
      }
      originalRow(row) {
        return row;
      }
    };
    CONTEXT_CODES = /* @__PURE__ */ new Set(["other/training-helper", "other/not-on-export-path", "export/in-export-function", "export/in-export-script"]);
  }
});

// dist/rewrite/revert.js
function revertSource(text, options = {}) {
  const patch = options.patch ?? loadPatch();
  const { function: fn, beginMarker } = patch.guard;
  const result2 = (extra = {}) => ({
    status: "unchanged",
    text,
    edits: [],
    guardBlocks: 0,
    keywords: 0,
    irregular: 0,
    rewrapped: 0,
    stillWrapped: 0,
    ...extra
  });
  if (!text.includes(fn) && !text.includes(beginMarker))
    return result2();
  const tree = parsePython(text);
  const syntaxError = firstSyntaxError(tree);
  if (syntaxError)
    return result2({ status: "skipped", code: "file/syntax-error", reason: `syntax error at ${syntaxError.line}:${syntaxError.column}` });
  const blocks = guardBlockRemovals(text, tree, patch.guard);
  if (typeof blocks === "string")
    return result2({ status: "error", code: NOT_REVERTED, reason: blocks });
  const notes = blocks.flatMap((b) => layoutNotes(text.slice(b.start, b.end)));
  const noted = notes.length;
  const keywords = keywordRemovals(text, tree, fn, `${patch.keyword}=${patch.value}`, notes);
  const removals = sortedEdits([...blocks, ...keywords.map((k) => k.removal)]);
  if (!removals.length)
    return result2();
  const overlap = overlapProblem(removals);
  if (overlap)
    return result2({ status: "error", code: NOT_REVERTED, reason: overlap });
  const counts = {
    guardBlocks: blocks.length,
    keywords: keywords.length,
    irregular: keywords.filter((k) => k.irregular).length,
    rewrapped: noted - notes.length,
    stillWrapped: notes.length
  };
  const left = remainingUse(text, tree, fn, removals);
  if (left)
    return result2({ status: "error", code: NOT_REVERTED, reason: `revert not applied: ${fn} is also used at ${left}, which revert cannot undo`, ...counts });
  const newText = applyEdits(text, removals);
  const problem = verify2(newText, patch);
  if (problem)
    return result2({ status: "error", code: NOT_REVERTED, reason: `revert not applied: ${problem}`, ...counts });
  return { status: "changed", text: newText, edits: removals, ...counts };
}
function remainingUse(text, tree, fn, removals) {
  for (const at of occurrences(text, fn)) {
    if (removals.some((r) => r.start <= at && at < r.end))
      continue;
    const node = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (node.type === "identifier" && node.startIndex === at && node.text === fn) {
      return `${node.startPosition.row + 1}:${node.startPosition.column + 1}`;
    }
  }
  return null;
}
function verify2(newText, patch) {
  const fn = patch.guard.function;
  const tree = parsePython(newText);
  const error = firstSyntaxError(tree);
  if (error)
    return `the result would have a syntax error at ${error.line}:${error.column}`;
  for (const marker of [patch.guard.beginMarker, patch.guard.endMarker]) {
    if (markerLines(newText, marker).some((at) => isMarkerComment(tree, at)))
      return "a guard marker line would remain";
  }
  for (const at of occurrences(newText, fn)) {
    const node = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (node.type === "identifier" && node.text === fn) {
      const { row, column } = node.startPosition;
      return `${fn} would still be used at ${row + 1}:${column + 1}`;
    }
  }
  return null;
}
function keywordRemovals(text, tree, fn, bare, notes) {
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  const out = [];
  for (const at of occurrences(text, fn)) {
    const ident = tree.rootNode.descendantForIndex(at, at + fn.length);
    if (ident.type !== "identifier" || ident.startIndex !== at || ident.text !== fn)
      continue;
    const call = ident.parent;
    if (call?.type !== "call" || call.childForFieldName("function")?.id !== ident.id)
      continue;
    const callArgs = call.childForFieldName("arguments");
    if (!callArgs || callArgs.namedChildCount !== 0)
      continue;
    const guarded = call.parent?.type === "parenthesized_expression" && call.parent.namedChildCount === 1 ? call.parent : null;
    const splat = (guarded ?? call).parent;
    const args = splat?.parent;
    if (splat?.type !== "dictionary_splat" || args?.type !== "argument_list")
      continue;
    if (guarded) {
      out.push({ removal: bareKeywordRestore(splat, bare), irregular: false });
      continue;
    }
    const restored = notes.length ? layoutRestore(text, args, splat, notes, eol) : null;
    out.push(restored ? { removal: restored, irregular: false } : keywordRemoval(text, args, splat));
  }
  return out;
}
var NOT_REVERTED;
var init_revert = __esm({
  "dist/rewrite/revert.js"() {
    "use strict";
    init_patches();
    init_parser();
    init_call_site();
    init_edits();
    init_guard();
    init_lines();
    init_wrap();
    NOT_REVERTED = "file/revert-not-applied";
  }
});

// dist/rewrite/fix-bytes.js
function fixBytes(bytes, options = {}) {
  const patch = options.patch ?? loadPatch();
  if (!mentionsName(bytes, calleeNeedle(patch)))
    return { status: "unchanged", sites: [], bytes };
  const decoded = decodeSource(bytes);
  if (!decoded.ok)
    return { status: "skipped", code: decoded.code, reason: decoded.reason, sites: [], bytes };
  const result2 = fixSource(decoded.text, { ...options, patch });
  const base = { sites: result2.sites, before: decoded.text, after: result2.text, ...result2.returnedHelpers ? { returnedHelpers: result2.returnedHelpers } : {}, ...result2.helperUses ? { helperUses: result2.helperUses } : {} };
  if (result2.status !== "changed")
    return { ...base, status: result2.status, code: result2.code, reason: result2.reason, bytes };
  const newBytes = decoded.encode(result2.text);
  const problem = bytesProblem(decoded, bytes, newBytes, result2.edits, result2.text);
  if (problem)
    return { ...base, after: decoded.text, status: "error", code: "file/edit-not-applied", reason: `edit not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes, edits: result2.edits };
}
function revertBytes(bytes, options = {}) {
  const patch = options.patch ?? loadPatch();
  const none = { guardBlocks: 0, keywords: 0, irregular: 0, rewrapped: 0, stillWrapped: 0 };
  if (bytes.indexOf(patch.guard.function) < 0 && bytes.indexOf(patch.guard.beginMarker) < 0) {
    return { status: "unchanged", bytes, ...none };
  }
  const decoded = decodeSource(bytes);
  if (!decoded.ok)
    return { status: "skipped", code: decoded.code, reason: decoded.reason, bytes, ...none };
  const result2 = revertSource(decoded.text, { patch });
  const { guardBlocks, keywords, irregular, rewrapped, stillWrapped } = result2;
  const counts = { guardBlocks, keywords, irregular, rewrapped, stillWrapped };
  const base = { before: decoded.text, after: result2.text, ...counts };
  if (result2.status !== "changed")
    return { ...base, status: result2.status, code: result2.code, reason: result2.reason, bytes };
  const newBytes = decoded.encode(result2.text);
  const problem = bytesProblem(decoded, bytes, newBytes, result2.edits, result2.text);
  if (problem)
    return { ...base, after: decoded.text, status: "error", code: "file/revert-not-applied", reason: `revert not applied: ${problem}`, bytes };
  return { ...base, status: "changed", bytes: newBytes };
}
function bytesProblem(decoded, oldBytes, newBytes, edits, newText) {
  const again = decodeSource(newBytes);
  if (!again.ok || again.encoding !== decoded.encoding || again.text !== newText) {
    return `the new contents would not read back as the same ${decoded.encoding} text`;
  }
  return onlyEdited(decoded, oldBytes, newBytes, edits);
}
function onlyEdited(decoded, oldBytes, newBytes, edits) {
  const oldText = decoded.text;
  const prefix = decoded.encoding === "utf-8-sig" ? 3 : 0;
  const byteLength = (s) => decoded.encoding === "latin-1" ? s.length : Buffer.byteLength(s, "utf8");
  if (!newBytes.subarray(0, prefix).equals(oldBytes.subarray(0, prefix)))
    return "the byte-order mark would change";
  let text = 0;
  let from = prefix;
  let at = prefix;
  for (const edit of inTextOrder(edits)) {
    const keep = byteLength(oldText.slice(text, edit.start));
    if (!newBytes.subarray(at, at + keep).equals(oldBytes.subarray(from, from + keep)))
      return "bytes other than the planned edits would change";
    at += keep;
    from += keep + byteLength(oldText.slice(edit.start, edit.end));
    text = edit.end;
    const encoded = decoded.encode(edit.text).subarray(prefix);
    if (!newBytes.subarray(at, at + encoded.length).equals(encoded))
      return "an edit would not land where it was planned";
    at += encoded.length;
  }
  if (at + (oldBytes.length - from) !== newBytes.length || !newBytes.subarray(at).equals(oldBytes.subarray(from))) {
    return "bytes other than the planned edits would change";
  }
  return null;
}
var init_fix_bytes = __esm({
  "dist/rewrite/fix-bytes.js"() {
    "use strict";
    init_encoding();
    init_patches();
    init_prefilter();
    init_edits();
    init_fix_source();
    init_revert();
  }
});

// dist/report/diff.js
import path6 from "node:path";
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";
function unifiedDiff(diffPath, before, after) {
  const name = diffPath.split(path6.sep).join("/").replace(/^\/+/, "");
  const text = createTwoFilesPatch(`a/${name}`, `b/${name}`, before, after, void 0, void 0, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY
  });
  if (!name.includes(" ") || text.startsWith('--- "'))
    return text;
  const [minus, plus, ...rest] = text.split("\n");
  return [`${minus}	`, `${plus}	`, ...rest].join("\n");
}
function diffPaths(cwd, given) {
  let root = path6.resolve(cwd);
  for (const p of given) {
    const abs = path6.resolve(cwd, p);
    while (!isWithin(root, abs))
      root = path6.dirname(root);
  }
  return { root, fromCwd: root === path6.resolve(cwd), of: (file) => path6.relative(root, path6.resolve(cwd, file)) };
}
function isWithin(folder, p) {
  const rel = path6.relative(folder, p);
  return rel === "" || rel !== ".." && !rel.startsWith(`..${path6.sep}`) && !path6.isAbsolute(rel);
}
function colorDiff(diff, c) {
  if (!c.isColorSupported)
    return diff;
  return diff.split("\n").map((line, i) => {
    if (i < 2)
      return line ? c.bold(line) : line;
    if (line.startsWith("@@"))
      return c.cyan(line);
    if (line.startsWith("-"))
      return c.red(line);
    if (line.startsWith("+"))
      return c.green(line);
    return line;
  }).join("\n");
}
var init_diff = __esm({
  "dist/report/diff.js"() {
    "use strict";
  }
});

// dist/files/temp-name.js
function tempName(target, pid, random) {
  if (!Number.isSafeInteger(pid) || pid < 1 || pid > MAX_PID)
    throw new RangeError(`not a process id: ${pid}`);
  if (!new RegExp(`^[0-9a-f]{${RANDOM_HEX}}$`).test(random))
    throw new RangeError(`not ${RANDOM_HEX} lower-case hex digits: ${random}`);
  return `.${target}.pfgf-${pid}-${random}.tmp`;
}
function parseTempName(name) {
  if (name.includes("/"))
    return null;
  const current = CURRENT.exec(name);
  if (current) {
    const pid = Number(current[2]);
    return pid <= MAX_PID ? { target: current[1], pid } : null;
  }
  const old = PIDLESS.exec(name);
  return old ? { target: old[1], pid: null } : null;
}
var RANDOM_HEX, MAX_PID, CURRENT, PIDLESS;
var init_temp_name = __esm({
  "dist/files/temp-name.js"() {
    "use strict";
    RANDOM_HEX = 12;
    MAX_PID = 2 ** 31 - 1;
    CURRENT = /^\.(.+)\.pfgf-([1-9][0-9]{0,9})-([0-9a-f]{12})\.tmp$/s;
    PIDLESS = /^\.(.+)\.pfgf-([0-9a-f]{12})\.tmp$/s;
  }
});

// dist/files/write.js
import { constants as constants2 } from "node:fs";
import path7 from "node:path";
function contentHash(bytes) {
  return crypto().createHash("sha256").update(bytes).digest("hex");
}
async function replaceFile(file, bytes, read, layer = nodeFs) {
  await assertWritable(layer, file, read.stat);
  const dir = path7.dirname(file);
  const tmp = path7.join(dir, tempName(path7.basename(file), process.pid, crypto().randomBytes(6).toString("hex")));
  const handle = await layer.open(tmp, O.createTemp, 384).catch((error) => {
    throw new WriteError(`cannot create a temporary file next to it: ${describeFsError(error)}; left alone`);
  });
  let renamed = false;
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const current = await currentState(layer, file);
    if (current.hash !== read.hash)
      throw new ChangedOnDiskError("changed on disk while the tool ran; left alone");
    await keepOwnerAndMode(layer, tmp, current.stat);
    await layer.rename(tmp, file);
    renamed = true;
  } catch (error) {
    if (error instanceof ChangedOnDiskError || error instanceof WriteError)
      throw error;
    throw new WriteError(`cannot write: ${describeFsError(error)}; left alone`);
  } finally {
    if (!renamed)
      await layer.unlink(tmp).catch(() => void 0);
  }
  await syncFolder(layer, dir);
}
async function assertWritable(layer, file, stat5) {
  const readOnly = (stat5.mode & 146) === 0 || await layer.access(file, constants2.W_OK).then(() => false, () => true);
  if (readOnly)
    throw new WriteError("read-only file; left alone");
}
async function currentState(layer, file) {
  try {
    const { bytes, stat: stat5 } = await readRegularFile(layer, file, Number.MAX_SAFE_INTEGER);
    return { hash: contentHash(bytes), stat: stat5 };
  } catch (error) {
    if (error instanceof NotRegularFileError)
      throw new ChangedOnDiskError(`replaced on disk by a ${error.kind} while the tool ran; left alone`);
    throw new ChangedOnDiskError(`changed on disk while the tool ran (${describeFsError(error)}); left alone`);
  }
}
async function keepOwnerAndMode(layer, tmp, stat5) {
  if (typeof process.getuid === "function" && (stat5.uid !== process.getuid() || stat5.gid !== process.getgid())) {
    await layer.chown(tmp, stat5.uid, stat5.gid).catch(() => void 0);
  }
  await layer.chmod(tmp, stat5.mode & 4095);
}
async function syncFolder(layer, dir) {
  try {
    const handle = await layer.open(dir, constants2.O_RDONLY);
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
  }
}
var crypto, ChangedOnDiskError, WriteError;
var init_write = __esm({
  "dist/files/write.js"() {
    "use strict";
    init_fs_layer();
    init_temp_name();
    crypto = () => process.getBuiltinModule("node:crypto");
    ChangedOnDiskError = class extends Error {
    };
    WriteError = class extends Error {
    };
  }
});

// dist/files/temp-files.js
import path8 from "node:path";
function processGone(pid) {
  if (pid === process.pid)
    return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return error.code === "ESRCH";
  }
}
async function findStaleTemps(dir, options = {}) {
  const layer = options.layer ?? nodeFs;
  const gone = options.gone ?? processGone;
  const now = options.now ?? Date.now();
  let entries;
  try {
    entries = await layer.readdir(dir);
  } catch {
    return [];
  }
  const stale = [];
  for (const entry of entries) {
    const name = parseTempName(entry.name);
    if (!name)
      continue;
    const full = path8.join(dir, entry.name);
    const stat5 = await layer.lstat(full).catch(() => null);
    if (!stat5?.isFile())
      continue;
    const isStale = name.pid === null ? now - stat5.mtimeMs >= PIDLESS_STALE_AFTER_MS : gone(name.pid);
    if (isStale)
      stale.push(full);
  }
  return stale.sort();
}
async function sweepStaleTemps(dirs, options) {
  const layer = options.layer ?? nodeFs;
  const result2 = { removed: [], remaining: [] };
  for (const dir of [...new Set(dirs)].sort()) {
    for (const file of await findStaleTemps(dir, options)) {
      if (!options.remove) {
        result2.remaining.push(file);
        continue;
      }
      try {
        await layer.unlink(file);
        result2.removed.push(file);
      } catch (error) {
        if (error.code !== "ENOENT")
          result2.remaining.push(file);
      }
    }
  }
  return result2;
}
var PIDLESS_STALE_AFTER_MS;
var init_temp_files = __esm({
  "dist/files/temp-files.js"() {
    "use strict";
    init_fs_layer();
    init_temp_name();
    PIDLESS_STALE_AFTER_MS = 60 * 60 * 1e3;
  }
});

// dist/files/line-style.js
import { existsSync, readFileSync as readFileSync3 } from "node:fs";
import path9 from "node:path";
import { parse as parseIni } from "ini";
import { parse as parseToml } from "smol-toml";
function yapfStyle(section, source) {
  const get = (key) => section[key] ?? section[key.replace(/_/g, "-")];
  const base = String(get("based_on_style") ?? "pep8").toLowerCase();
  if (!(base in YAPF_BASE_LIMITS))
    return null;
  if (truthy(get("dedent_closing_brackets")) || truthy(get("coalesce_brackets")) || truthy(get("split_all_comma_separated_values")))
    return null;
  return {
    formatter: "yapf",
    columnLimit: integer(get("column_limit")) ?? YAPF_BASE_LIMITS[base],
    continuationIndent: integer(get("continuation_indent_width")) ?? 4,
    targetVersions: null,
    stringQuote: null,
    source
  };
}
function blackStyle(section, source) {
  const targets = section["target-version"] ?? section["target_version"];
  return {
    formatter: "black",
    columnLimit: integer(section["line-length"] ?? section["line_length"]) ?? 88,
    continuationIndent: 4,
    targetVersions: Array.isArray(targets) ? targets.map(String) : null,
    stringQuote: truthy(section["skip-string-normalization"] ?? section["skip_string_normalization"]) ? null : '"',
    source
  };
}
function ruffStyle(section, source) {
  const format = section.format ?? {};
  const quote = String(format["quote-style"] ?? "double");
  return {
    formatter: "ruff",
    columnLimit: integer(section["line-length"] ?? section["line_length"]) ?? 88,
    continuationIndent: 4,
    targetVersions: null,
    stringQuote: quote === "single" ? "'" : quote === "double" ? '"' : null,
    source
  };
}
function lintStyle(section, source) {
  const limit = integer(section["max-line-length"] ?? section["max_line_length"]);
  return limit === null ? null : { formatter: "pycodestyle", columnLimit: limit, continuationIndent: 4, targetVersions: null, stringQuote: null, source };
}
function folderLineStyle(folder, read) {
  const style = folderConfig(folder, read);
  return style === void 0 ? null : { style };
}
function folderConfig(folder, read) {
  const at = (name) => path9.join(folder, name);
  const ini = (name) => {
    const text = read(at(name));
    return text === null ? null : parseIni(text);
  };
  const toml = (name) => {
    const text = read(at(name));
    if (text === null)
      return null;
    try {
      return parseToml(text);
    } catch {
      return null;
    }
  };
  const styleYapf = ini(".style.yapf");
  if (styleYapf?.style)
    return yapfStyle(styleYapf.style, at(".style.yapf"));
  const setupCfg = ini("setup.cfg");
  if (setupCfg?.yapf)
    return yapfStyle(setupCfg.yapf, at("setup.cfg"));
  const pyproject = toml("pyproject.toml");
  const tool = pyproject?.tool ?? {};
  if (tool.yapf)
    return yapfStyle(tool.yapf, at("pyproject.toml"));
  if (tool.black)
    return blackStyle(tool.black, at("pyproject.toml"));
  for (const name of ["ruff.toml", ".ruff.toml"]) {
    const ruff = toml(name);
    if (ruff)
      return ruffStyle(ruff, at(name));
  }
  if (tool.ruff)
    return ruffStyle(tool.ruff, at("pyproject.toml"));
  for (const [name, sections] of [["setup.cfg", setupCfg], ["tox.ini", ini("tox.ini")], [".flake8", ini(".flake8")]]) {
    for (const key of ["flake8", "pycodestyle"]) {
      const section = sections?.[key];
      const style = section ? lintStyle(section, at(name)) : null;
      if (style)
        return style;
    }
  }
  return void 0;
}
function readIfFile(file) {
  try {
    return readFileSync3(file, "utf8");
  } catch {
    return null;
  }
}
function integer(value) {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}
function truthy(value) {
  return value === true || typeof value === "string" && /^(true|yes|on|1)$/i.test(value.trim());
}
var YAPF_BASE_LIMITS, LineStyles;
var init_line_style = __esm({
  "dist/files/line-style.js"() {
    "use strict";
    YAPF_BASE_LIMITS = { pep8: 79, google: 80 };
    LineStyles = class {
      read;
      folders = /* @__PURE__ */ new Map();
      constructor(read = readIfFile) {
        this.read = read;
      }
      forFile(file) {
        return this.forFolder(path9.dirname(path9.resolve(file)));
      }
      forFolder(folder) {
        const cached = this.folders.get(folder);
        if (cached !== void 0)
          return cached;
        const found2 = folderLineStyle(folder, this.read);
        const parent = path9.dirname(folder);
        let style = found2 ? found2.style : null;
        if (!found2 && parent !== folder && !existsSync(path9.join(folder, ".git")))
          style = this.forFolder(parent);
        this.folders.set(folder, style);
        return style;
      }
    };
  }
});

// dist/report/words.js
function plural(n, one, many = `${one}s`) {
  return `${n} ${n === 1 ? one : many}`;
}
function ignoredNote(s) {
  const counted = filesAndFolders(s.ignoredFiles, s.ignoredFolders);
  return counted ? `${counted} skipped by ignore rules (--no-ignore to include)` : null;
}
function excludedNote(s) {
  const counted = filesAndFolders(s.excludedFiles, s.excludedFolders);
  return counted ? `${counted} excluded (--exclude)` : null;
}
function filesAndFolders(files, folders) {
  const parts = [];
  if (files)
    parts.push(plural(files, ".py file"));
  if (folders)
    parts.push(plural(folders, "folder"));
  return parts.length ? parts.join(" and ") : null;
}
var init_words = __esm({
  "dist/report/words.js"() {
    "use strict";
  }
});

// dist/engine.js
import path10 from "node:path";
import { setImmediate as turn } from "node:timers/promises";
async function fixPaths(paths, options = {}) {
  const mode = options.mode ?? "write";
  const cwd = options.cwd ?? process.cwd();
  const environment = Promise.resolve(options.environment).then((env2) => env2 ?? null);
  environment.catch(() => {
  });
  let gate;
  const env = {
    environment,
    beforeWrite: () => gate ??= environment.then((found2) => options.beforeWrite?.(found2))
  };
  const onFound = options.onProgress && ((found2) => options.onProgress({ phase: "walk", done: found2, total: 0 }));
  const { files, ignored, excluded } = await walkPaths(paths, { ...options, cwd, onFound });
  const reported = new Array(files.length);
  let handled = 0;
  const { signal } = options;
  const styles = options.wrap === false ? null : new LineStyles();
  const deferred = /* @__PURE__ */ new Map();
  const diff = mode === "dry-run" ? diffPaths(cwd, paths) : null;
  const callers = new HelperCallers(files.length);
  const usesRead = /* @__PURE__ */ new Map();
  let next = 0;
  const worker = async () => {
    while (next < files.length && !signal?.aborted) {
      const index = next++;
      const run2 = {
        styles,
        diff,
        env,
        read: (bytes) => callers.check(index, bytes),
        uses: (use) => void usesRead.set(index, use),
        defer: (helpers) => {
          deferred.set(index, helpers);
          callers.learn(helpers);
        }
      };
      const result2 = await processFile(files[index], displayPath(files[index].path, cwd), mode, options, run2);
      handled++;
      options.onProgress?.({ phase: "scan", done: handled, total: files.length });
      if (result2 && (result2.status !== "unchanged" || result2.sites.length > 0))
        reported[index] = result2;
      await turn();
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  if (deferred.size) {
    const evidence = await followHelpers(files, deferred, cwd, options, (j) => callers.mayCall(j), usesRead);
    for (const index of deferred.keys()) {
      const run2 = { styles, diff, env, evidence: evidence.get(index) ?? /* @__PURE__ */ new Map() };
      const result2 = await processFile(files[index], displayPath(files[index].path, cwd), mode, options, run2);
      if (result2 && (result2.status !== "unchanged" || result2.sites.length > 0))
        reported[index] = result2;
    }
  }
  const listed = reported.filter((r) => r !== void 0);
  const summary = {
    ...summarize(listed, mode),
    files: handled,
    ignoredFiles: ignored.files,
    ignoredFolders: ignored.folders,
    excludedFiles: excluded.files,
    excludedFolders: excluded.folders
  };
  const report = { version: 1, tool: toolInfo(), mode, environment: options.environment === void 0 ? void 0 : await environment, files: listed, summary };
  if (options.revert)
    report.revert = true;
  if (diff && !diff.fromCwd)
    report.diffRoot = diff.root;
  if (signal?.aborted && next < files.length)
    report.interrupted = { signal: abortName(signal), notStarted: files.length - next };
  const folders = files.filter((file, i) => reported[i] && file.target).map((file) => path10.dirname(file.target));
  const stale = await sweepFolders(folders, mode, cwd, options);
  if (stale)
    report.staleTempFiles = stale;
  return report;
}
async function followHelpers(files, deferred, cwd, options, mayCall, usesRead) {
  const found2 = /* @__PURE__ */ new Map();
  const wanted = [...new Set([...deferred.values()].flat())];
  const wantedBytes = wanted.map((helper) => Buffer.from(helper));
  const calls = new Map(wanted.map((helper) => [helper, new RegExp(`\\b${helper}\\s*\\(`)]));
  const layer = options.fs ?? nodeFs;
  for (let j = 0; j < files.length; j++) {
    const file = files[j];
    if (!file.target || options.signal?.aborted || !mayCall(j))
      continue;
    let bytes;
    try {
      bytes = (await readRegularFile(layer, file.target, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES)).bytes;
    } catch {
      continue;
    }
    if (!wantedBytes.some((name) => bytes.includes(name)))
      continue;
    const text = bytes.toString("utf8");
    const called = wanted.filter((helper) => calls.get(helper).test(text));
    const asked = /* @__PURE__ */ new Map();
    const imports = /* @__PURE__ */ new Map();
    const importsOnce = (helper, module) => {
      const key = `${helper}\0${module}`;
      let found3 = imports.get(key);
      if (found3 === void 0)
        imports.set(key, found3 = importsHelper(text, helper, module));
      return found3;
    };
    for (const [index, helpers] of called.length ? deferred : []) {
      if (index === j)
        continue;
      const module = path10.basename(files[index].path, ".py");
      const mine = helpers.filter((helper) => called.includes(helper) && importsOnce(helper, module));
      if (mine.length)
        asked.set(index, mine);
    }
    if (!asked.size)
      continue;
    const askedHelpers = [...new Set([...asked.values()].flat())];
    const read = usesRead.get(j);
    const uses = read && askedHelpers.every((helper) => read.asked.includes(helper)) ? read.found : helperUses(text, askedHelpers, { path: displayPath(file.path, cwd) });
    for (const [index, mine] of asked) {
      const evidence = found2.get(index) ?? /* @__PURE__ */ new Map();
      for (const helper of mine) {
        const use = uses.get(helper);
        if (use && !evidence.has(helper))
          evidence.set(helper, use);
      }
      found2.set(index, evidence);
    }
    await turn();
  }
  return found2;
}
function importsHelper(text, helper, moduleName) {
  const module = moduleName.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const byName = new RegExp(`^[ \\t]*from[ \\t]+[\\w.]*\\b${module}[ \\t]+import[ \\t]+(?:\\([^)]*|[^\\n]*)\\b${helper}\\b`, "m");
  if (byName.test(text))
    return true;
  const theModule = new RegExp(`^[ \\t]*(?:import[ \\t]+[\\w.]*\\b${module}\\b|from[ \\t]+[\\w.]+[ \\t]+import[ \\t]+(?:\\([^)]*|[^\\n]*)\\b${module}\\b)`, "m");
  return theModule.test(text) && new RegExp(`\\.${helper}\\s*\\(`).test(text);
}
async function sweepFolders(folders, mode, cwd, options) {
  const { removed, remaining } = await sweepStaleTemps(folders, { remove: mode === "write", layer: options.fs ?? nodeFs });
  if (!removed.length && !remaining.length)
    return void 0;
  return { removed: removed.length, remaining: remaining.map((file) => displayPath(file, cwd)) };
}
function needsEnvironment(bytes, keyword = keywordBytes ??= Buffer.from(loadPatch().keyword)) {
  return bytes.includes(keyword);
}
async function processFile(file, display, mode, options, run2) {
  const base = { path: display, sites: [] };
  const because = (status2, code2, reason2) => ({ status: status2, code: code2, reason: reason2 });
  if (file.refusal)
    return { ...base, ...because(file.refusal.status, file.refusal.code, file.refusal.reason) };
  if (!file.target)
    return { ...base, status: "skipped" };
  const layer = options.fs ?? nodeFs;
  let read;
  try {
    read = await readRegularFile(layer, file.target, options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES);
  } catch (error) {
    if (error instanceof NotRegularFileError)
      return { ...base, ...because("skipped", "file/not-regular", error.message) };
    if (error instanceof TooLargeError)
      return { ...base, ...because("skipped", "file/too-large", error.message) };
    return { ...base, ...because("error", "file/unreadable", `cannot read: ${describeFsError(error)}`) };
  }
  const named = run2.read?.(read.bytes) ?? [];
  const force = options.force?.get(file.target);
  const environment = !options.revert && needsEnvironment(read.bytes) ? await run2.env.environment : null;
  const outcome = options.revert ? revertOutcome(read.bytes, mode) : fixOutcome(read.bytes, display, mode, options, environment, force, () => run2.styles?.forFile(file.path) ?? null, run2.evidence, named);
  if (outcome.helperUses)
    run2.uses?.({ asked: named, found: outcome.helperUses });
  if (!options.revert && outcome.returnedHelpers?.length && run2.defer) {
    run2.defer(outcome.returnedHelpers);
    return null;
  }
  const { code, reason, sites, revert } = outcome;
  const status = gated(outcome.status, code);
  const report = { path: display, status, ...reason ? { code, reason } : {}, sites, ...revert ? { revert } : {} };
  if (status !== "changed" || mode === "check")
    return report;
  if (mode === "dry-run")
    return { ...report, diff: unifiedDiff(run2.diff.of(file.path), outcome.before, outcome.after) };
  const pending = { ...report, sites: sites.map(pendingAction) };
  if (options.signal?.aborted) {
    return { ...pending, ...because("skipped", "file/interrupted", `interrupted (${abortName(options.signal)}) before it was written; left alone`) };
  }
  await run2.env.beforeWrite();
  if (options.signal?.aborted) {
    return { ...pending, ...because("skipped", "file/interrupted", `interrupted (${abortName(options.signal)}) before it was written; left alone`) };
  }
  try {
    await replaceFile(file.target, outcome.bytes, { hash: contentHash(read.bytes), stat: read.stat }, layer);
  } catch (error) {
    const code2 = error instanceof ChangedOnDiskError ? "file/changed-on-disk" : "file/write-failed";
    return { ...pending, ...because("error", code2, describeFsError(error)) };
  }
  return options.revert ? { ...report, reason: revertReason(revert, true) } : { ...report, sites: writtenSites(sites, outcome) };
}
function writtenSites(sites, outcome) {
  const { before, after, edits } = outcome;
  if (before === void 0 || after === void 0 || !edits)
    return sites;
  const written = positionsAfterEdits(before, edits, after, sites);
  return sites.map(({ line, column, ...rest }, i) => ({ line, column, written: written[i], ...rest }));
}
function fixOutcome(bytes, display, mode, options, environment, force, lineStyle, helperEvidence, helperUsesOf = []) {
  const bareKeyword = bareKeywordPolicy(environment, Boolean(options.guardBareKeywords));
  const result2 = fixBytes(bytes, { path: display, all: options.all, style: options.style, force, bareKeyword, verify: mode !== "check", lineStyle, overrideFullGraphFalse: options.fixFullGraphFalse, helperEvidence, helperUsesOf });
  return { ...result2, sites: mode === "write" ? result2.sites : result2.sites.map(pendingAction) };
}
function revertOutcome(bytes, mode) {
  const result2 = revertBytes(bytes);
  const revert = revertCounts(result2);
  const reason = result2.status === "changed" ? revertReason(revert, mode === "write") : result2.reason;
  const code = result2.status === "changed" ? "file/reverted" : result2.code;
  return { ...result2, code, reason, sites: [], ...result2.status === "unchanged" ? {} : { revert } };
}
function bareKeywordPolicy(environment, asked) {
  const paddle = environment?.paddle ?? null;
  const name = paddle ? paddle.develop ? "develop" : paddle.raw : null;
  if (asked)
    return { action: "guard", paddle: name, asked: true };
  return { action: supportsFullGraphKeyword(paddle) === false ? "guard" : "keep", paddle: name };
}
function revertCounts({ guardBlocks, keywords, irregular, rewrapped, stillWrapped }) {
  return { guardBlocks, keywords, irregular, rewrapped, stillWrapped };
}
function revertReason(counts, done) {
  const parts = [];
  if (counts.guardBlocks)
    parts.push(counts.guardBlocks === 1 ? "the guard block" : `${counts.guardBlocks} guard blocks`);
  if (counts.keywords)
    parts.push(plural(counts.keywords, "keyword"));
  let line = `${done ? "removed" : "would remove"} ${parts.join(" and ")}`;
  if (counts.rewrapped)
    line += `; ${done ? "restored" : "would restore"} the layout of ${plural(counts.rewrapped, "re-wrapped call")}`;
  if (counts.irregular)
    line += ` (${counts.irregular} not in the form this tool writes: removed with its comma, spacing may differ)`;
  if (counts.stillWrapped)
    line += ` (not exact: ${plural(counts.stillWrapped, "call")} re-wrapped by the fix ${counts.stillWrapped === 1 ? "was" : "were"} edited since and ${counts.stillWrapped === 1 ? "keeps its" : "keep their"} wrapping)`;
  return line;
}
function gated(status, code) {
  return code !== void 0 && UNCHECKED_FILE_CODES.has(code) ? "error" : status;
}
function abortName(signal) {
  const reason = signal.reason;
  if (typeof reason === "string")
    return reason;
  return reason instanceof Error ? reason.message : "aborted";
}
function pendingAction(site) {
  return site.action === "fixed" ? { ...site, action: "would-fix" } : site;
}
function summarize(results, mode) {
  const summary = { files: results.length, changed: 0, fixed: 0, alreadyFixed: 0, skipped: 0, needsReview: 0, errors: 0, skippedFiles: 0, ignoredFiles: 0, ignoredFolders: 0, excludedFiles: 0, excludedFolders: 0 };
  for (const file of results) {
    if (file.status === "changed")
      summary.changed++;
    if (file.status === "error")
      summary.errors++;
    if (file.status === "skipped")
      summary.skippedFiles++;
    for (const site of file.sites) {
      if (site.action === "fixed" || site.action === "would-fix" && mode !== "write")
        summary.fixed++;
      else if (site.action === "already-fixed")
        summary.alreadyFixed++;
      else if (site.action === "skipped")
        summary.skipped++;
      else if (site.action === "needs-review")
        summary.needsReview++;
    }
  }
  return summary;
}
function displayPath(file, cwd) {
  return relativeInside(cwd, file) ?? file.split(path10.sep).join("/");
}
function reportForSource(name, mode, result2, revert) {
  if (revert) {
    const r = result2;
    const counts = revertCounts(r);
    const reason = r.status === "changed" ? revertReason(counts, mode === "write") : r.reason;
    const code = r.status === "changed" ? "file/reverted" : r.code;
    const file2 = { path: name, status: gated(r.status, code), ...reason ? { code, reason } : {}, sites: [], revert: counts };
    return { version: 1, tool: toolInfo(), mode, revert: true, files: [file2], summary: summarize([file2], mode) };
  }
  const fixed = result2;
  const sites = mode !== "write" ? fixed.sites.map(pendingAction) : fixed.status === "changed" ? writtenSites(fixed.sites, fixed) : fixed.sites;
  const file = { path: name, status: gated(fixed.status, fixed.code), ...fixed.reason ? { code: fixed.code, reason: fixed.reason } : {}, sites };
  return { version: 1, tool: toolInfo(), mode, files: [file], summary: summarize([file], mode) };
}
var READ_CONCURRENCY, HelperCallers, keywordBytes;
var init_engine = __esm({
  "dist/engine.js"() {
    "use strict";
    init_walk();
    init_versions();
    init_fix_bytes();
    init_fix_source();
    init_edits();
    init_fs_layer();
    init_diff();
    init_model();
    init_write();
    init_temp_files();
    init_line_style();
    init_package_root();
    init_words();
    init_patches();
    READ_CONCURRENCY = 16;
    HelperCallers = class {
      names = [];
      known = /* @__PURE__ */ new Set();
      /** Per file: how many helpers were known when it was checked (0: never checked). */
      checkedWith;
      /** Per file: 1 when it names a helper known when it was checked. */
      naming;
      constructor(files) {
        this.checkedWith = new Uint32Array(files);
        this.naming = new Uint8Array(files);
      }
      learn(helpers) {
        for (const helper of helpers) {
          if (this.known.has(helper))
            continue;
          this.known.add(helper);
          this.names.push(Buffer.from(helper));
        }
      }
      /** Notes the file as checked; returns the known helpers it names. */
      check(index, bytes) {
        this.checkedWith[index] = this.names.length + 1;
        const named = this.names.filter((name) => bytes.includes(name));
        if (named.length)
          this.naming[index] = 1;
        return named.map((name) => name.toString());
      }
      mayCall(index) {
        return this.naming[index] === 1 || this.checkedWith[index] !== this.names.length + 1;
      }
    };
  }
});

// dist/detect/layout.js
import { promises as fs2 } from "node:fs";
import path11 from "node:path";
async function isDir(p) {
  return fs2.stat(p).then((s) => s.isDirectory(), () => false);
}
async function isFile(p) {
  return fs2.stat(p).then((s) => s.isFile(), () => false);
}
function toolkitName(kind) {
  return kind === "none" ? null : TOOLKITS[kind].name;
}
async function layoutOf(dir) {
  if (await isDir(path11.join(dir, "ppdet"))) {
    const hasSetup = await isFile(path11.join(dir, "setup.py"));
    const looksRtdetr = /rt-?detr/i.test(path11.basename(dir)) || await isDir(path11.join(dir, "configs", "rtdetr"));
    return { kind: !hasSetup && looksRtdetr ? "rtdetr" : "paddledetection", base: dir, hasSetup };
  }
  for (const kind of SIBLINGS) {
    if (await isDir(path11.join(dir, TOOLKITS[kind].pkg))) {
      return { kind, base: dir, hasSetup: await isFile(path11.join(dir, "setup.py")) };
    }
  }
  let names = [];
  try {
    names = (await fs2.readdir(dir)).filter((n) => /^rt-?detr.*paddle/i.test(n)).sort();
  } catch {
    return null;
  }
  for (const n of names) {
    const child = path11.join(dir, n);
    if (await isDir(path11.join(child, "ppdet"))) {
      return { kind: "rtdetr", base: child, hasSetup: await isFile(path11.join(child, "setup.py")) };
    }
  }
  return vendoredLayout(dir);
}
async function vendoredLayout(dir) {
  const entries = await fs2.readdir(dir, { withFileTypes: true }).catch(() => []);
  const children = entries.filter((e) => e.isDirectory() && !e.name.startsWith(".") && e.name !== "node_modules" && !PACKAGES.has(e.name)).map((e) => e.name).sort().slice(0, MAX_CHILDREN);
  for (const kind of VENDOR_ORDER) {
    for (const child of children) {
      for (const home of VENDOR_HOMES) {
        const base = path11.join(dir, child, home);
        if (await isDir(path11.join(base, TOOLKITS[kind].pkg))) {
          if (!home && await isFile(path11.join(base, "setup.py")))
            return { kind, base, hasSetup: true };
          return { kind, base, hasSetup: false, vendoredIn: [child, home].filter(Boolean).join("/") };
        }
      }
    }
  }
  return null;
}
async function findCheckout(root) {
  const abs = path11.resolve(root);
  const direct = await layoutOf(abs);
  if (direct)
    return direct;
  const parts = abs.split(path11.sep);
  for (let at = parts.length - 1; at > 0; at--) {
    if (!PACKAGES.has(parts[at]))
      continue;
    const around = await layoutOf(parts.slice(0, at).join(path11.sep) || path11.sep);
    if (around)
      return around;
  }
  return { kind: "none", base: null, hasSetup: false };
}
var TOOLKITS, SIBLINGS, PACKAGES, VENDOR_HOMES, VENDOR_ORDER, MAX_CHILDREN;
var init_layout = __esm({
  "dist/detect/layout.js"() {
    "use strict";
    TOOLKITS = {
      paddledetection: { name: "PaddleDetection", pkg: "ppdet", dist: "paddledet" },
      rtdetr: { name: "RT-DETR", pkg: "ppdet", dist: "paddledet" },
      paddleocr: { name: "PaddleOCR", pkg: "ppocr", dist: "paddleocr" },
      paddleseg: { name: "PaddleSeg", pkg: "paddleseg", dist: "paddleseg" },
      paddleclas: { name: "PaddleClas", pkg: "ppcls", dist: "paddleclas" }
    };
    SIBLINGS = ["paddleocr", "paddleseg", "paddleclas"];
    PACKAGES = new Set(Object.values(TOOLKITS).map((t) => t.pkg));
    VENDOR_HOMES = ["", "models"];
    VENDOR_ORDER = ["paddledetection", ...SIBLINGS];
    MAX_CHILDREN = 200;
  }
});

// dist/detect/metadata.js
import { promises as fs3 } from "node:fs";
import path12 from "node:path";
function canonicalName(name) {
  return name.trim().toLowerCase().replace(/[-_.]+/g, "-");
}
function isPaddleName(name) {
  const n = canonicalName(name);
  return n === "paddlepaddle" || n.startsWith("paddlepaddle-");
}
function isToolkitDistName(name) {
  return TOOLKIT_DISTRIBUTIONS.includes(canonicalName(name));
}
function parseMetadataHeaders(text) {
  let name = null;
  let version = null;
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "")
      break;
    const m = /^(Name|Version):\s*(.*?)\s*$/i.exec(line);
    if (!m)
      continue;
    if (m[1].toLowerCase() === "name" && name === null)
      name = m[2];
    else if (m[1].toLowerCase() === "version" && version === null)
      version = m[2];
  }
  return { name, version };
}
async function readSmall(file, limit = 65536) {
  let handle;
  try {
    handle = await fs3.open(file, "r");
    const buf = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buf, 0, limit, 0);
    return buf.subarray(0, bytesRead).toString("utf8");
  } catch {
    return null;
  } finally {
    await handle?.close();
  }
}
async function isDir2(p) {
  try {
    return (await fs3.stat(p)).isDirectory();
  } catch {
    return false;
  }
}
async function metadataFileOf(dir, entry) {
  const full = path12.join(dir, entry);
  if (entry.endsWith(".dist-info"))
    return { file: path12.join(full, "METADATA"), metaDir: full, location: dir };
  if (entry.endsWith(".egg-info")) {
    if (await isDir2(full))
      return { file: path12.join(full, "PKG-INFO"), metaDir: full, location: dir };
    return { file: full, metaDir: full, location: dir };
  }
  if (entry.endsWith(".egg")) {
    const meta = path12.join(full, "EGG-INFO");
    return { file: path12.join(meta, "PKG-INFO"), metaDir: meta, location: full };
  }
  return null;
}
async function pthDirectories(dir) {
  let names;
  try {
    names = (await fs3.readdir(dir)).filter((n) => n.endsWith(".pth") && !n.startsWith(".")).sort();
  } catch {
    return [];
  }
  const out = [];
  for (const n of names) {
    const text = await readSmall(path12.join(dir, n));
    if (text === null)
      continue;
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#") || /^import[ \t]/.test(line))
        continue;
      const p = path12.resolve(dir, line);
      if (!out.includes(p) && await isDir2(p))
        out.push(p);
    }
  }
  return out;
}
async function scanSiteDirectories(dirs, followPth = true) {
  const all = [...new Set(dirs)];
  if (followPth) {
    for (const d of [...all])
      for (const extra of await pthDirectories(d))
        if (!all.includes(extra))
          all.push(extra);
  }
  const found2 = [];
  for (const dir of all) {
    let entries;
    try {
      entries = (await fs3.readdir(dir)).sort();
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!/^paddle/i.test(entry))
        continue;
      const where2 = await metadataFileOf(dir, entry);
      if (!where2)
        continue;
      const text = await readSmall(where2.file);
      if (text === null)
        continue;
      const { name, version } = parseMetadataHeaders(text);
      if (!name || !version || !(isPaddleName(name) || isToolkitDistName(name)))
        continue;
      const directUrl = entry.endsWith(".dist-info") ? await readSmall(path12.join(where2.metaDir, "direct_url.json")) : null;
      const installer = entry.endsWith(".dist-info") ? await readSmall(path12.join(where2.metaDir, "INSTALLER"), 256) : null;
      found2.push({
        name,
        version,
        location: where2.location,
        metadataDir: where2.metaDir,
        directUrl,
        installer: installer ? installer.trim() : null
      });
    }
  }
  return found2;
}
var TOOLKIT_DISTRIBUTIONS;
var init_metadata = __esm({
  "dist/detect/metadata.js"() {
    "use strict";
    TOOLKIT_DISTRIBUTIONS = ["paddledet", "paddleocr", "paddleseg", "paddleclas"];
  }
});

// dist/detect/version-files.js
function literal(m, first) {
  if (!m)
    return null;
  return m[first] ?? m[first + 1] ?? null;
}
function maskPython(text) {
  const out = text.split("");
  let i = 0;
  const blank = (from, to) => {
    for (let k = from; k < to && k < out.length; k++)
      if (out[k] !== "\n")
        out[k] = " ";
  };
  while (i < text.length) {
    const c = text[i];
    if (c === "#") {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      blank(i, end);
      i = end;
      continue;
    }
    if (c === "'" || c === '"') {
      const quote = text.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
      let j = i + quote.length;
      while (j < text.length && !text.startsWith(quote, j)) {
        if (quote.length === 1 && text[j] === "\n")
          break;
        j += text[j] === "\\" ? 2 : 1;
      }
      blank(i + quote.length, j);
      i = Math.min(text.length, j + quote.length);
      continue;
    }
    i++;
  }
  return out.join("");
}
function setupCallBody(text) {
  const masked = maskPython(text);
  const re = /(^|[^\w])setup\s*\(/gm;
  let m;
  while ((m = re.exec(masked)) !== null) {
    const before = masked.slice(Math.max(0, m.index - 8), m.index + m[1].length);
    if (/\bdef\s*$/.test(before))
      continue;
    const open = m.index + m[0].length;
    let depth = 1;
    let i = open;
    for (; i < masked.length && depth > 0; i++) {
      const c = masked[i];
      if (c === "(" || c === "[" || c === "{")
        depth++;
      else if (c === ")" || c === "]" || c === "}")
        depth--;
    }
    return text.slice(open, depth === 0 ? i - 1 : i);
  }
  return null;
}
function firstInCode(re, body) {
  const masked = maskPython(body);
  let m;
  while ((m = re.exec(body)) !== null) {
    if (masked.slice(m.index, m.index + 7) === "version")
      return m;
  }
  return null;
}
function versionFromSetupPy(text) {
  const ppdet = literal(new RegExp(String.raw`^PPDET_VERSION\s*=\s*${STRING}`, "m").exec(text), 1);
  if (ppdet !== null)
    return { raw: ppdet, source: "setup.py PPDET_VERSION", from: "setup.py" };
  const body = setupCallBody(text);
  if (body === null)
    return null;
  const lit = literal(firstInCode(new RegExp(String.raw`\bversion\s*=\s*${STRING}`, "g"), body), 1);
  if (lit !== null)
    return { raw: lit, source: "setup.py setup(version=...)", from: "setup.py" };
  const name = firstInCode(/\bversion\s*=\s*([A-Za-z_]\w*)\s*[,)\n]/g, body + "\n")?.[1];
  if (name) {
    const value = literal(new RegExp(String.raw`^${name}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (value !== null)
      return { raw: value, source: `setup.py setup(version=${name})`, from: "setup.py" };
  }
  return null;
}
function versionFromVersionPy(text) {
  for (const key of ["full_version", "__version__", "version"]) {
    const raw = literal(new RegExp(String.raw`^${key}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (raw !== null) {
      const commit = literal(new RegExp(String.raw`^(?:commit|git_commit)\s*=\s*${STRING}`, "m").exec(text), 1);
      const found2 = { raw, source: "ppdet/version.py", from: "ppdet/version.py" };
      if (commit && !/^(unknown|none|)$/i.test(commit.trim()))
        found2.commit = commit.trim();
      return found2;
    }
  }
  return null;
}
function tomlTable(text, name) {
  const lines = text.split(/\r?\n/);
  const header = new RegExp(String.raw`^\s*\[\s*${name.replace(/\./g, String.raw`\s*\.\s*`)}\s*\]\s*(#.*)?$`);
  const at = lines.findIndex((l) => header.test(l));
  if (at < 0)
    return null;
  const body = [];
  for (const line of lines.slice(at + 1)) {
    if (/^\s*\[/.test(line))
      break;
    body.push(line);
  }
  return body.join("\n");
}
function versionFromPyproject(text) {
  const project = tomlTable(text, "project") ?? "";
  const literal2 = literal_(/^\s*version\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/m.exec(project));
  const dynamicTable = tomlTable(text, "tool.setuptools.dynamic") ?? "";
  const fileMatch = /^\s*version\s*=\s*\{[^}]*\bfile\s*=\s*(?:"([^"\n]*)"|'([^'\n]*)')/m.exec(dynamicTable);
  const file = fileMatch ? fileMatch[1] ?? fileMatch[2] ?? null : null;
  const dynamic = /^\s*dynamic\s*=\s*\[[^\]]*["']version["']/m.test(project);
  const scm = literal2 === null && dynamic && tomlTable(text, "tool.setuptools_scm") !== null;
  return { literal: literal2, file, scm };
}
function literal_(m) {
  return m ? m[1] ?? m[2] ?? null : null;
}
function assignedVersion(text, names) {
  for (const name of names) {
    const raw = literal(new RegExp(String.raw`^${name}\s*=\s*${STRING}`, "m").exec(text), 1);
    if (raw !== null)
      return { name, raw };
  }
  return null;
}
function versionFromText(text) {
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (t && !t.startsWith("#"))
      return t;
  }
  return null;
}
function paddlePinIn(requirement) {
  const m = PADDLE_REQUIREMENT.exec(requirement);
  if (!m)
    return null;
  const raw = m[3].replace(/\.$/, "");
  return { requirement: m[0].replace(/\s+/g, ""), raw, bound: m[2] === "==" || m[2] === "===" ? "exact" : "lower-bound" };
}
function paddlePinFromRequirements(text) {
  for (const line of text.split(/\r?\n/)) {
    const code = line.replace(/(^|\s)#.*$/, "").trim();
    if (!code || code.startsWith("-"))
      continue;
    const pin = paddlePinIn(code);
    if (pin)
      return pin;
  }
  return null;
}
function paddlePinFromStrings(text) {
  const masked = maskPython(text);
  for (const m of text.matchAll(/'([^'\n]*)'|"([^"\n]*)"/g)) {
    if (masked[m.index] !== m[0][0])
      continue;
    const pin = paddlePinIn(m[1] ?? m[2] ?? "");
    if (pin)
      return pin;
  }
  return null;
}
var STRING, PADDLE_REQUIREMENT;
var init_version_files = __esm({
  "dist/detect/version-files.js"() {
    "use strict";
    STRING = String.raw`(?:'([^'\n]*)'|"([^"\n]*)")`;
    PADDLE_REQUIREMENT = /(?<![\w.-])(paddlepaddle(?:[-_][a-z0-9_]+)?)(?:\[[^\]]*\])?\s*(===|==|>=|~=)\s*([0-9][0-9A-Za-z.+!-]*)/i;
  }
});

// dist/detect/toolkit.js
import { promises as fs4 } from "node:fs";
import path13 from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
async function readText(p, limit = 1024 * 1024) {
  try {
    const st = await fs4.stat(p);
    if (!st.isFile() || st.size > limit)
      return null;
    return await fs4.readFile(p, "utf8");
  } catch {
    return null;
  }
}
function isRealVersion(raw) {
  const n = normalizePaddleVersion(raw);
  return n !== null && !n.develop;
}
async function samePath(a, b) {
  const [ra, rb] = await Promise.all([fs4.realpath(a).catch(() => path13.resolve(a)), fs4.realpath(b).catch(() => path13.resolve(b))]);
  return ra === rb;
}
async function relate(dist, base) {
  let origin = null;
  let editable = false;
  if (dist.directUrl) {
    try {
      const data = JSON.parse(dist.directUrl);
      if (typeof data.url === "string") {
        origin = data.url.startsWith("file:") ? fileURLToPath2(data.url) : data.url;
        editable = data.dir_info?.editable === true;
      }
    } catch {
    }
  }
  if (origin !== null && path13.isAbsolute(origin) && await samePath(origin, base)) {
    return { dist, fromCheckout: true, editable, origin };
  }
  if (dist.location && await samePath(dist.location, base))
    return { dist, fromCheckout: true, editable: true, origin };
  return { dist, fromCheckout: false, editable, origin };
}
function finish(kind, base, found2, labelPrefix = "") {
  const toolkit = toolkitName(kind);
  if (found2 === null) {
    return { version: null, raw: null, source: "none", kind, label: `${labelPrefix}unknown`, base, toolkit };
  }
  const n = normalizePaddleVersion(found2.raw);
  if (n === null) {
    return { version: null, raw: found2.raw, source: found2.source, kind, label: `${labelPrefix}unknown (${found2.from} says ${JSON.stringify(found2.raw)})`, base, toolkit };
  }
  if (n.develop) {
    const develop = kind === "paddledetection" || kind === "rtdetr" ? DEVELOP_LABEL : "develop";
    return { version: null, raw: found2.raw, source: found2.source, kind, label: `${labelPrefix}${develop} (${found2.from} says ${found2.raw})`, base, toolkit };
  }
  const commit = found2.commit ? ` (commit ${found2.commit.slice(0, 10)})` : "";
  const shown = kind === "paddledetection" || kind === "rtdetr" ? n.version : found2.raw.trim();
  return { version: n.version, raw: found2.raw, source: found2.source, kind, label: `${labelPrefix}${shown}${commit}`, base, toolkit };
}
async function derivedName(base) {
  for (const readme2 of ["README.md", "README_en.md", "README_cn.md"]) {
    const text = await readText(path13.join(base, readme2), 256 * 1024);
    const name = text === null ? null : nameFromReadme(text);
    if (name)
      return name;
  }
  const config = await readText(path13.join(base, ".git", "config"), 64 * 1024);
  return config === null ? null : nameFromGitConfig(config);
}
function nameFromReadme(text) {
  const m = /\*\*([A-Za-z][\w.-]{1,40})\*\*\s*(?:is\b|是)[^\n]{0,120}?(?:based on|基于)\s*\[?PaddleDetection\b/.exec(text.slice(0, 16 * 1024));
  return m && !NOT_DERIVED.test(m[1]) ? m[1] : null;
}
function nameFromGitConfig(text) {
  const origin = /\[remote "origin"\]([^[]*)/.exec(text)?.[1] ?? "";
  const url = /^\s*url\s*=\s*(\S+)/m.exec(origin)?.[1];
  const name = url ? /([^/:]+?)(?:\.git)?\/?$/.exec(url)?.[1] : null;
  return name && !NOT_DERIVED.test(name) ? name : null;
}
async function siblingVersion(kind, base, hasSetup) {
  const candidates = [];
  const pyprojectText = await readText(path13.join(base, "pyproject.toml"));
  const pyproject = pyprojectText !== null ? versionFromPyproject(pyprojectText) : null;
  const fromFile = async (rel, source = rel) => {
    const text = await readText(path13.join(base, ...rel.split("/")), 4096);
    const raw = text !== null ? versionFromText(text) : null;
    return raw !== null ? { raw, source, from: rel } : null;
  };
  const fromAssignment = async (rel, names) => {
    const text = await readText(path13.join(base, ...rel.split("/")));
    const hit = text !== null ? assignedVersion(text, names) : null;
    return hit ? { raw: hit.raw, source: `${rel} ${hit.name}`, from: rel } : null;
  };
  const push = (v) => {
    if (v)
      candidates.push(v);
  };
  if (kind === "paddleclas")
    push(await fromFile("version.txt"));
  if (kind === "paddleseg")
    push(await fromAssignment("paddleseg/__init__.py", ["__version__"]));
  if (pyproject?.literal)
    push({ raw: pyproject.literal, source: "pyproject.toml version", from: "pyproject.toml" });
  if (pyproject?.file && !/(^|\/)\.\.(\/|$)/.test(pyproject.file) && !path13.isAbsolute(pyproject.file)) {
    push(await fromFile(pyproject.file, `${pyproject.file} (pyproject.toml)`));
  }
  if (kind === "paddleocr") {
    push(await fromAssignment("paddleocr.py", ["VERSION", "__version__"]));
    push(await fromAssignment("paddleocr/__init__.py", ["VERSION", "__version__"]));
  }
  if (hasSetup) {
    const setupText = await readText(path13.join(base, "setup.py"));
    const v = setupText !== null ? versionFromSetupPy(setupText) : null;
    if (v)
      push(v);
  }
  const found2 = candidates.find((c) => isRealVersion(c.raw)) ?? candidates[0] ?? null;
  const note = found2 === null && pyproject?.scm ? "version comes from git tags at build time (setuptools_scm), not from the tree" : null;
  return { found: found2, note };
}
async function detectToolkit(root, installed) {
  const warnings = [];
  const layout = await findCheckout(root);
  if (layout.kind === "none" || layout.base === null) {
    return {
      info: { version: null, raw: null, source: "none", kind: "none", label: "not a PaddleDetection checkout", base: null, toolkit: null },
      warnings: [
        `${path13.resolve(root)} does not look like a PaddleDetection checkout or a sibling toolkit's (no ppdet/, ppocr/, paddleseg/ or ppcls/ folder); scanning it anyway.`
      ]
    };
  }
  const base = layout.base;
  const kind = layout.kind;
  const distName = TOOLKITS[kind].dist;
  let found2 = null;
  let note = null;
  if (kind === "paddledetection" || kind === "rtdetr") {
    const versionPyText = await readText(path13.join(base, "ppdet", "version.py"));
    const setupText = layout.hasSetup ? await readText(path13.join(base, "setup.py")) : null;
    const fromVersionPy = versionPyText !== null ? versionFromVersionPy(versionPyText) : null;
    const fromSetup = setupText !== null ? versionFromSetupPy(setupText) : null;
    if (fromVersionPy && isRealVersion(fromVersionPy.raw)) {
      found2 = fromVersionPy;
      if (fromSetup && isRealVersion(fromSetup.raw) && normalizePaddleVersion(fromSetup.raw).version !== normalizePaddleVersion(fromVersionPy.raw).version) {
        warnings.push(`ppdet/version.py says ${fromVersionPy.raw} but setup.py says ${fromSetup.raw}; version.py is generated at install time and may be stale. Using ${fromVersionPy.raw}.`);
      }
    } else {
      found2 = fromSetup ?? fromVersionPy;
    }
  } else {
    ({ found: found2, note } = await siblingVersion(kind, base, layout.hasSetup));
  }
  const mine = await Promise.all((installed ?? []).filter((d) => canonicalName(d.name) === distName).map((d) => relate(d, base)));
  const fromHere = mine.find((r) => r.fromCheckout);
  if (found2 === null && fromHere) {
    found2 = { raw: fromHere.dist.version, source: `installed ${distName}`, from: `installed ${distName}` };
  }
  const pkg = TOOLKITS[kind].pkg;
  for (const r of mine) {
    const name = `${canonicalName(r.dist.name)} ${r.dist.version}`;
    const where2 = r.dist.location ?? "an unknown location";
    if (!r.fromCheckout) {
      const from = r.origin ? ` from ${r.origin}` : "";
      warnings.push(`${name} is also installed in ${where2}${from}, not from this checkout; code that imports ${pkg} outside the checkout gets that copy, which this run does not change.`);
    } else if (!r.editable) {
      warnings.push(`${name} was installed from this checkout as a copy (not editable) into ${where2}; reinstall it after patching if you import ${pkg} from outside the checkout.`);
    }
  }
  if (kind === "rtdetr") {
    const info2 = finish("rtdetr", base, found2);
    const tree = path13.basename(base);
    info2.label = found2 ? `RT-DETR tree ${tree}/ (vendored ppdet ${info2.label})` : `RT-DETR tree ${tree}/ (vendored ppdet, no PaddleDetection version)`;
    return { info: info2, warnings };
  }
  const info = finish(kind, base, found2);
  if (found2 === null && note)
    info.label = `unknown (${note})`;
  if (kind === "paddledetection" && !layout.vendoredIn) {
    const fork = await derivedName(base);
    if (fork)
      Object.assign(info, { toolkit: fork, derivedFrom: "PaddleDetection" });
  }
  if (layout.vendoredIn)
    info.label = `vendored in ${layout.vendoredIn}/${pkg}, ${found2 ? info.label : "no version of its own"}`;
  return { info, warnings };
}
var DEVELOP_LABEL, NOT_DERIVED;
var init_toolkit = __esm({
  "dist/detect/toolkit.js"() {
    "use strict";
    init_layout();
    init_metadata();
    init_versions();
    init_version_files();
    DEVELOP_LABEL = "develop or a branch cut after early 2023 (2.6.1, 2.7.x)";
    NOT_DERIVED = /^paddle-?detection$/i;
  }
});

// dist/detect/query-script.js
var QUERY_MARKER, QUERY_SCRIPT;
var init_query_script = __esm({
  "dist/detect/query-script.js"() {
    "use strict";
    QUERY_MARKER = "paddle-fullgraph-fix/query/1";
    QUERY_SCRIPT = String.raw`
import json, os, sys
out = {"marker": "${QUERY_MARKER}", "executable": sys.executable,
       "python": ".".join(str(x) for x in sys.version_info[:3]),
       "paths": [], "dists": None, "error": None}

def wanted(name):
    n = name.strip().lower().replace("_", "-").replace(".", "-")
    return n in ("paddledet", "paddleocr", "paddleseg", "paddleclas") or n == "paddlepaddle" or n.startswith("paddlepaddle-")

def venv_config():
    # What site.venv() would find, without calling it: site.venv() also
    # processes .pth files, and their import lines would run.
    exe_dir = os.path.dirname(os.path.abspath(sys.executable or ""))
    for d in (exe_dir, os.path.dirname(exe_dir)):
        cfg = os.path.join(d, "pyvenv.cfg")
        if os.path.isfile(cfg):
            system = False
            try:
                with open(cfg, encoding="utf-8", errors="replace") as f:
                    for line in f:
                        key, _, value = line.partition("=")
                        if key.strip().lower() == "include-system-site-packages":
                            system = value.strip().lower() == "true"
            except (OSError, ValueError):
                pass
            return os.path.dirname(exe_dir), system
    return None

def site_dirs():
    import site
    dirs = []
    base = getattr(sys, "base_prefix", sys.prefix)
    venv = venv_config()
    if venv is None and sys.prefix != base:
        venv = (sys.prefix, False)
    prefixes = None
    user = True
    if venv is not None:
        prefixes = [venv[0]] + ([base] if venv[1] else [])
        user = venv[1]
    try:
        dirs.extend(site.getsitepackages(prefixes) if prefixes else site.getsitepackages())
    except Exception:
        pass
    try:
        if user and hasattr(site, "getusersitepackages"):
            dirs.append(site.getusersitepackages())
    except Exception:
        pass
    found = []
    for d in dirs:
        if d and os.path.isdir(d) and d not in found:
            found.append(d)
    extra = []
    for d in list(found):
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for n in names:
            if not n.endswith(".pth") or n.startswith("."):
                continue
            try:
                with open(os.path.join(d, n), encoding="utf-8", errors="replace") as f:
                    lines = f.read(65536).splitlines()
            except (OSError, ValueError):
                continue
            for line in lines:
                line = line.strip()
                if not line or line.startswith("#") or line.startswith(("import ", "import\t")):
                    continue
                p = os.path.normpath(os.path.join(d, line))
                if os.path.isdir(p) and p not in found and p not in extra:
                    extra.append(p)
    return found + extra

def candidate(dist):
    p = getattr(dist, "_path", None)
    if p is None:
        return True
    base = os.path.basename(str(p))
    if base == "EGG-INFO":
        base = os.path.basename(os.path.dirname(str(p)))
    return base.lower().startswith("paddle")

def read(dist, name):
    try:
        text = dist.read_text(name)
    except Exception:
        return None
    return text[:65536] if text else None

try:
    out["paths"] = site_dirs()
except Exception as e:
    out["error"] = "site directories: %r" % (e,)

try:
    from importlib import metadata
except ImportError as e:
    out["error"] = "importlib.metadata unavailable: %s" % (e,)
else:
    try:
        dists = []
        for dist in metadata.distributions(path=out["paths"]):
            try:
                if not candidate(dist):
                    continue
                name = dist.metadata["Name"] or ""
                if not wanted(name):
                    continue
                p = getattr(dist, "_path", None)
                installer = read(dist, "INSTALLER")
                dists.append({
                    "name": name,
                    "version": dist.version or "",
                    "location": str(dist.locate_file("")),
                    "metadataDir": str(p) if p is not None else None,
                    "directUrl": read(dist, "direct_url.json"),
                    "installer": installer.strip() if installer else None,
                })
            except Exception:
                continue
        out["dists"] = dists
    except Exception as e:
        out["error"] = "importlib.metadata failed: %r" % (e,)

sys.stdout.write(json.dumps(out))
`;
  }
});

// dist/detect/types.js
var DetectUsageError;
var init_types = __esm({
  "dist/detect/types.js"() {
    "use strict";
    init_model();
    DetectUsageError = class extends UserError {
      constructor(message) {
        super(message);
        this.name = "DetectUsageError";
      }
    };
  }
});

// dist/detect/interpreter.js
import { accessSync, closeSync as closeSync2, openSync as openSync2, promises as fs5, readSync as readSync2, statSync, constants as fsConstants } from "node:fs";
import os from "node:os";
import path14 from "node:path";
async function isExecutableFile(p) {
  return isExecutableFileSync(p);
}
function isExecutableFileSync(p) {
  try {
    const st = statSync(p);
    if (!st.isFile())
      return false;
    if (process.platform === "win32")
      return true;
    accessSync(p, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}
async function looksLikeProgram(p) {
  let fd;
  try {
    fd = openSync2(p, "r");
    const buf = Buffer.alloc(4);
    const bytesRead = readSync2(fd, buf, 0, 4, 0);
    if (bytesRead < 2)
      return false;
    const b = buf.subarray(0, bytesRead);
    if (b[0] === 35 && b[1] === 33)
      return true;
    if (b[0] === 77 && b[1] === 90)
      return true;
    if (bytesRead < 4)
      return false;
    const word = b.readUInt32BE(0);
    return word === 2135247942 || [4277009102, 4277009103, 3472551422, 3489328638, 3405691582].includes(word);
  } catch {
    return false;
  } finally {
    if (fd !== void 0)
      closeSync2(fd);
  }
}
function envBin(prefix, conda) {
  if (process.platform === "win32") {
    return conda ? [path14.join(prefix, "python.exe")] : [path14.join(prefix, "Scripts", "python.exe")];
  }
  return [path14.join(prefix, "bin", "python"), path14.join(prefix, "bin", "python3")];
}
function onPath(name, env) {
  const dirs = (env.PATH ?? env.Path ?? "").split(path14.delimiter).filter((d) => d !== "");
  const exts = process.platform === "win32" ? [".exe", ""] : [""];
  return dirs.flatMap((d) => exts.map((x) => path14.resolve(d, name + x)));
}
async function locatePython(python, env, stale = []) {
  if (python !== void 0) {
    let p = path14.resolve(python);
    if (!python.includes("/") && !python.includes(path14.sep) && !await isExecutableFile(p)) {
      for (const c of onPath(python, env)) {
        if (await isExecutableFile(c)) {
          p = c;
          break;
        }
      }
    }
    let st;
    try {
      st = statSync(p);
    } catch {
      throw new DetectUsageError(`--python ${python}: no such file`);
    }
    if (!st.isFile())
      throw new DetectUsageError(`--python ${python}: not a file`);
    if (!await isExecutableFile(p))
      throw new DetectUsageError(`--python ${python}: not executable`);
    if (!await looksLikeProgram(p))
      throw new DetectUsageError(`--python ${python}: not a Python interpreter (not a program)`);
    return { path: p, origin: "flag" };
  }
  const usable = async (p) => await isExecutableFile(p) && await looksLikeProgram(p);
  for (const name of ["VIRTUAL_ENV", "CONDA_PREFIX"]) {
    const prefix = env[name];
    if (!prefix)
      continue;
    const bins = envBin(prefix, name === "CONDA_PREFIX");
    for (const p of bins)
      if (await usable(p))
        return { path: p, origin: name };
    const st = await fs5.stat(prefix).catch(() => null);
    const problem = !st ? "missing" : st.isDirectory() ? "no-python" : "not-a-folder";
    stale.push({ name, value: prefix, problem, looked: bins });
  }
  for (const name of ["python3", "python"])
    for (const p of onPath(name, env))
      if (await usable(p))
        return { path: p, origin: "PATH" };
  return null;
}
function parseAnswer(stdout) {
  const start = stdout.indexOf("{");
  if (start < 0)
    return null;
  let data;
  try {
    data = JSON.parse(stdout.slice(start));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null)
    return null;
  const d = data;
  if (d.marker !== QUERY_MARKER)
    return null;
  const str = (v) => typeof v === "string" ? v : null;
  const paths = Array.isArray(d.paths) ? d.paths.filter((p) => typeof p === "string") : [];
  let dists = null;
  if (Array.isArray(d.dists)) {
    dists = [];
    for (const item of d.dists) {
      if (typeof item !== "object" || item === null)
        continue;
      const r = item;
      const name = str(r.name);
      const version = str(r.version);
      if (!name || !version)
        continue;
      dists.push({
        name,
        version,
        location: str(r.location),
        metadataDir: str(r.metadataDir),
        directUrl: str(r.directUrl),
        installer: str(r.installer)
      });
    }
  }
  return { marker: QUERY_MARKER, executable: str(d.executable), python: str(d.python), paths, dists, error: str(d.error) };
}
async function siteDirectoriesFromLayout(python) {
  const prefixes = [path14.dirname(path14.dirname(path14.resolve(python)))];
  let real = null;
  try {
    real = await fs5.realpath(python);
  } catch {
    real = null;
  }
  const cfg = await fs5.readFile(path14.join(prefixes[0], "pyvenv.cfg"), "utf8").catch(() => null);
  if (cfg !== null) {
    if (/^\s*include-system-site-packages\s*=\s*true\s*$/im.test(cfg) && real)
      prefixes.push(path14.dirname(path14.dirname(real)));
  } else if (real) {
    const realPrefix = path14.dirname(path14.dirname(real));
    if (!prefixes.includes(realPrefix))
      prefixes.push(realPrefix);
  }
  const wantVersion = /python(\d+\.\d+)/.exec(path14.basename(real ?? python))?.[1] ?? null;
  const dirs = [];
  for (const prefix of prefixes) {
    for (const lib of ["lib", "lib64", path14.join("local", "lib")]) {
      let names = [];
      try {
        names = (await fs5.readdir(path14.join(prefix, lib))).filter((n) => /^python\d/.test(n)).sort();
      } catch {
        continue;
      }
      if (wantVersion && names.includes(`python${wantVersion}`))
        names = [`python${wantVersion}`];
      for (const n of names)
        for (const sp of ["site-packages", "dist-packages"])
          dirs.push(path14.join(prefix, lib, n, sp));
    }
    dirs.push(path14.join(prefix, "Lib", "site-packages"));
  }
  const existing = [];
  for (const d of dirs) {
    try {
      if ((await fs5.stat(d)).isDirectory() && !existing.includes(d))
        existing.push(d);
    } catch {
    }
  }
  return existing;
}
function oneLine(text, max = 160) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
  const telling = lines.filter((l) => /error|unknown option|not found|denied|no such/i.test(l));
  const line = telling.pop() ?? lines.pop() ?? "";
  return line.length > max ? `${line.slice(0, max - 1)}\u2026` : line;
}
function describeFailure(r) {
  if (r.spawnError)
    return `could not be started (${r.spawnError})`;
  if (r.timedOut)
    return "timed out";
  const said = oneLine(r.stderr) || oneLine(r.stdout);
  const code = r.exitCode === null ? "was killed" : `exited with code ${r.exitCode}`;
  return said ? `${code}: ${said}` : `${code} without the expected answer`;
}
async function inspectInterpreter(loc, opts) {
  const runner = opts.runner ?? execFileRunner;
  const warnings = [];
  const result2 = await runner(loc.path, ["-I", "-S", "-c", QUERY_SCRIPT], {
    cwd: os.tmpdir(),
    env: opts.env,
    timeoutMs: opts.timeoutMs
  });
  const answer = result2.exitCode === 0 ? parseAnswer(result2.stdout) : null;
  const info = {
    path: loc.path,
    origin: loc.origin,
    executable: answer?.executable ?? null,
    pythonVersion: answer?.python ?? null,
    read: "failed"
  };
  if (answer && answer.dists !== null) {
    info.read = "importlib";
    return { info, dists: answer.dists, paths: answer.paths, warnings };
  }
  let paths;
  if (answer) {
    paths = answer.paths;
    warnings.push(`${loc.path} could not list distributions with importlib.metadata (${answer.error ?? "no reason given"}); read its site-packages from disk instead.`);
  } else {
    if (loc.origin === "flag" && !result2.timedOut) {
      throw new DetectUsageError(`--python ${loc.path} is not a usable Python 3 interpreter: it ${describeFailure(result2)}`);
    }
    paths = await siteDirectoriesFromLayout(loc.path);
    const how = result2.timedOut ? `timed out after ${opts.timeoutMs} ms` : describeFailure(result2);
    warnings.push(paths.length > 0 ? `Querying ${loc.path} ${how}; read the site-packages next to it from disk instead.` : `Querying ${loc.path} ${how}, and no site-packages was found next to it; Paddle version unknown.`);
  }
  const dists = await scanSiteDirectories(paths, !answer);
  info.read = paths.length > 0 ? "site-packages" : "failed";
  return { info, dists, paths, warnings };
}
var execFileRunner;
var init_interpreter = __esm({
  "dist/detect/interpreter.js"() {
    "use strict";
    init_query_script();
    init_metadata();
    init_types();
    execFileRunner = (file, args, opts) => new Promise((resolve2) => {
      process.getBuiltinModule("node:child_process").execFile(file, args, {
        cwd: opts.cwd,
        env: opts.env,
        timeout: opts.timeoutMs,
        killSignal: "SIGKILL",
        maxBuffer: 8 * 1024 * 1024,
        windowsHide: true,
        encoding: "utf8",
        shell: false
      }, (error, stdout, stderr) => {
        if (!error) {
          resolve2({ stdout, stderr, exitCode: 0, spawnError: null, timedOut: false });
          return;
        }
        const e = error;
        const spawnError = typeof e.code === "string" ? e.code : null;
        const timedOut = spawnError === null && e.killed === true;
        resolve2({
          stdout: stdout ?? "",
          stderr: stderr ?? "",
          exitCode: typeof e.code === "number" ? e.code : null,
          spawnError,
          timedOut
        });
      });
    });
  }
});

// dist/detect/paddle.js
import { promises as fs6 } from "node:fs";
import path15 from "node:path";
function paddleFromFlag(raw) {
  const n = normalizePaddleVersion(raw);
  if (n === null)
    throw new DetectUsageError(`--paddle-version ${JSON.stringify(raw)} is not a version (try e.g. 2.6.2, 3.0.0b2 or 0.0.0 for develop)`);
  return { version: n.version, raw, distribution: null, python: null, source: "flag", develop: n.develop, others: [] };
}
async function installedVersionFile(location) {
  if (!location)
    return null;
  const text = await fs6.readFile(path15.join(location, "paddle", "version", "__init__.py"), "utf8").catch(() => null);
  if (text === null)
    return null;
  return /^full_version\s*=\s*['"]([^'"\n]+)['"]/m.exec(text)?.[1] ?? null;
}
async function paddleFromDistributions(dists, python, source) {
  const warnings = [];
  const candidates = [];
  for (const dist of dists.filter((d) => isPaddleName(d.name))) {
    const n = normalizePaddleVersion(dist.version);
    if (n === null) {
      warnings.push(`${canonicalName(dist.name)} reports version ${JSON.stringify(dist.version)}, which is not a version; ignored.`);
      continue;
    }
    candidates.push({ dist, ...n });
  }
  if (candidates.length === 0)
    return { paddle: null, warnings };
  const firstSeen = (loc) => dists.findIndex((d) => d.location === loc);
  candidates.sort((a, b) => firstSeen(a.dist.location) - firstSeen(b.dist.location) || canonicalName(a.dist.name).localeCompare(canonicalName(b.dist.name)) || a.dist.version.localeCompare(b.dist.version));
  let chosen = candidates[0];
  if (candidates.length > 1) {
    const fileVersion = await installedVersionFile(chosen.dist.location);
    const fileNorm = fileVersion ? normalizePaddleVersion(fileVersion) : null;
    if (fileNorm) {
      chosen = candidates.find((c) => c.version === fileNorm.version) ?? candidates.find((c) => coreVersion(c.version) === coreVersion(fileNorm.version)) ?? chosen;
    }
    const list = candidates.map((c) => `${canonicalName(c.dist.name)} ${c.dist.version}`).join(", ");
    warnings.push(`${candidates.length} Paddle distributions are installed at once in ${python} (${list}); they share one paddle package, so the last one installed wins. Using ${canonicalName(chosen.dist.name)} ${chosen.dist.version}${fileNorm ? " (matches paddle/version/__init__.py)" : ""}; uninstall the others to be sure.`);
  }
  const paddle = {
    version: chosen.version,
    raw: chosen.dist.version,
    distribution: canonicalName(chosen.dist.name),
    python,
    source,
    develop: chosen.develop,
    others: candidates.filter((c) => c !== chosen).map((c) => ({ distribution: canonicalName(c.dist.name), raw: c.dist.version, version: c.version }))
  };
  return { paddle, warnings };
}
var init_paddle = __esm({
  "dist/detect/paddle.js"() {
    "use strict";
    init_metadata();
    init_versions();
    init_types();
  }
});

// dist/detect/pins.js
import { promises as fs7 } from "node:fs";
import path16 from "node:path";
async function readSmall2(file) {
  const stat5 = await fs7.stat(file).catch(() => null);
  if (!stat5?.isFile() || stat5.size > LIMIT)
    return null;
  return fs7.readFile(file, "utf8").catch(() => null);
}
async function requirementFiles(dir) {
  const names = await fs7.readdir(dir).catch(() => []);
  const found2 = names.filter((n) => /^requirements[\w.-]*\.txt$/i.test(n)).sort();
  return [...found2.filter((n) => n.toLowerCase() === "requirements.txt"), ...found2.filter((n) => n.toLowerCase() !== "requirements.txt")];
}
async function findPaddlePin(dirs) {
  for (const dir of [...new Set(dirs)]) {
    for (const name of await requirementFiles(dir)) {
      const text = await readSmall2(path16.join(dir, name));
      const pin = text === null ? null : paddlePinFromRequirements(text);
      if (pin)
        return { pin, file: path16.join(dir, name) };
    }
    for (const name of ["setup.py", "pyproject.toml"]) {
      const text = await readSmall2(path16.join(dir, name));
      const pin = text === null ? null : paddlePinFromStrings(text);
      if (pin)
        return { pin, file: path16.join(dir, name) };
    }
  }
  return null;
}
function paddleFromPin(found2, root) {
  const n = normalizePaddleVersion(found2.pin.raw);
  if (n === null)
    return null;
  const file = path16.relative(root, found2.file).split(path16.sep).join("/") || path16.basename(found2.file);
  return {
    version: n.version,
    raw: found2.pin.raw,
    distribution: found2.pin.requirement.match(/^[A-Za-z0-9_-]+/)?.[0].toLowerCase() ?? null,
    python: null,
    source: "checkout",
    develop: n.develop,
    others: [],
    pin: { file, requirement: found2.pin.requirement, bound: found2.pin.bound }
  };
}
var LIMIT;
var init_pins = __esm({
  "dist/detect/pins.js"() {
    "use strict";
    init_versions();
    init_version_files();
    LIMIT = 1024 * 1024;
  }
});

// dist/detect/verdict.js
function paddleName(p) {
  return p.develop ? "develop (0.0.0)" : p.version;
}
function computeVerdict(paddle) {
  if (paddle === null) {
    return {
      code: "unknown",
      message: "No Paddle found, so whether the export error occurs here is unknown (it does with Paddle 2.6 and newer); the guarded fix is safe with every release."
    };
  }
  const sot = convertsWithSot(paddle);
  if (sot === null) {
    return {
      code: "unknown",
      message: `Paddle ${paddle.raw} is not a version this tool can compare; the guarded fix is safe with every release.`
    };
  }
  const name = paddleName(paddle);
  if (sot) {
    const why = paddle.develop ? "develop builds are newer than every release" : "since 2.6, to_static converts with SOT unless full_graph=True is passed";
    return {
      code: "affected",
      message: `The export error ("Can't call main_program when full_graph=False") WILL occur with Paddle ${name}: ${why}. The fix passes full_graph=True.`
    };
  }
  if (supportsFullGraphKeyword(paddle)) {
    return {
      code: "not-affected",
      message: `The export error cannot occur with Paddle ${name}: 2.5 accepts full_graph and ignores it (conversion is whole-graph anyway). The fix keeps this checkout ready for an upgrade to 2.6 or newer.`
    };
  }
  return {
    code: "not-affected",
    message: `The export error cannot occur with Paddle ${name} (no SOT before 2.6; this release even rejects full_graph, which is why the fix is guarded). The fix keeps this checkout ready for an upgrade to 2.6 or newer.`
  };
}
function paddlePart(p, interpreter) {
  if (p === null) {
    if (interpreter)
      return `Paddle not found (no paddlepaddle distribution for ${interpreter.path})`;
    return "Paddle not found (no Python interpreter found)";
  }
  if (p.source === "flag")
    return `Paddle ${paddleName(p)} (--paddle-version ${p.raw})`;
  if (p.source === "checkout" && p.pin) {
    const how = p.pin.bound === "exact" ? "pinned by" : "the lower bound of";
    const none = interpreter ? `none installed for ${interpreter.path}` : "no Python interpreter found";
    return `Paddle ${paddleName(p)} (${how} ${p.pin.file}: ${p.pin.requirement}; ${none})`;
  }
  const dist = p.raw === p.version ? p.distribution : `${p.distribution} ${p.raw}`;
  const more = p.others.length > 0 ? `, +${p.others.length} more` : "";
  return `Paddle ${paddleName(p)} (${dist}, ${p.python}${more})`;
}
function detectionPart(d) {
  if (d === null)
    return "PaddleDetection unknown";
  if (d.kind === "none")
    return "not a PaddleDetection checkout (scanned anyway)";
  if (d.kind === "rtdetr")
    return d.label;
  const name = d.toolkit ?? toolkitName(d.kind) ?? "PaddleDetection";
  if (d.derivedFrom) {
    const kept = d.raw !== null ? `; its ${d.source} says ${d.raw}, the ${d.derivedFrom} number it kept, not that release's code` : "";
    return `${name}, derived from ${d.derivedFrom}${kept}`;
  }
  if (d.version !== null)
    return `${name} ${d.label} (${d.source})`;
  return `${name} ${d.label}`;
}
function formatEnvironmentHeader(e) {
  return [
    `${paddlePart(e.paddle, e.interpreter)} \xB7 ${detectionPart(e.paddledetection)}`,
    e.verdict.message,
    ...e.warnings.map((w) => `warning: ${w}`)
  ];
}
var init_verdict = __esm({
  "dist/detect/verdict.js"() {
    "use strict";
    init_layout();
    init_versions();
  }
});

// dist/detect/installed.js
import { promises as fs8 } from "node:fs";
import path17 from "node:path";
import { fileURLToPath as fileURLToPath3 } from "node:url";
async function readText2(file) {
  return fs8.readFile(file, "utf8").catch(() => null);
}
async function exists(p) {
  return fs8.stat(p).then(() => true, () => false);
}
function editableTarget(dist) {
  if (dist.directUrl) {
    try {
      const info = JSON.parse(dist.directUrl);
      if (info.dir_info?.editable && typeof info.url === "string" && info.url.startsWith("file:"))
        return fileURLToPath3(info.url);
    } catch {
    }
  }
  if (dist.metadataDir?.endsWith(".egg-info") && dist.location) {
    const parent = path17.basename(dist.location);
    if (parent !== "site-packages" && parent !== "dist-packages")
      return dist.location;
  }
  return null;
}
function recordTopLevels(record) {
  const names = /* @__PURE__ */ new Set();
  for (const line of record.split(/\r?\n/)) {
    const entry = line.startsWith('"') ? line.slice(1, line.indexOf('"', 1)) : line.split(",")[0];
    if (!entry || entry.startsWith("..") || entry.startsWith("/"))
      continue;
    const [top, ...rest] = entry.split("/");
    if (!top || top.endsWith(".dist-info") || top.endsWith(".data") || top === "__pycache__")
      continue;
    if (rest.length === 0 && !top.endsWith(".py"))
      continue;
    names.add(top);
  }
  return [...names].sort();
}
async function codeFolders(dist) {
  const location = dist.location;
  const record = dist.metadataDir ? path17.join(dist.metadataDir, "RECORD") : null;
  const recordText = record ? await readText2(record) : null;
  if (recordText) {
    const tops = recordTopLevels(recordText);
    const folders = [];
    for (const top of tops)
      if (await exists(path17.join(location, top)))
        folders.push(path17.join(location, top));
    if (folders.length)
      return { folders, from: "RECORD", record };
  }
  const topLevel = dist.metadataDir ? await readText2(path17.join(dist.metadataDir, "top_level.txt")) : null;
  if (topLevel) {
    const folders = [];
    for (const name of topLevel.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
      for (const candidate of [path17.join(location, name), path17.join(location, `${name}.py`)]) {
        if (await exists(candidate)) {
          folders.push(candidate);
          break;
        }
      }
    }
    if (folders.length)
      return { folders, from: "top_level.txt", record: recordText ? record : null };
  }
  const known = KNOWN_PACKAGES[canonicalName(dist.name)];
  if (known && await exists(path17.join(location, known)))
    return { folders: [path17.join(location, known)], from: "known", record: recordText ? record : null };
  return { folders: [], from: "none", record: null };
}
async function installedToolkits(report) {
  const distributions = [];
  const seen = /* @__PURE__ */ new Set();
  for (const dist of report.dists) {
    if (!isToolkitDistName(dist.name) || !dist.location)
      continue;
    const name = canonicalName(dist.name);
    if (seen.has(name))
      continue;
    seen.add(name);
    const clone = editableTarget(dist);
    if (clone) {
      distributions.push({ name: dist.name, version: dist.version, location: dist.location, metadata: dist.metadataDir, folders: [clone], from: "editable", editable: clone, record: null });
      continue;
    }
    const { folders, from, record } = await codeFolders(dist);
    distributions.push({ name: dist.name, version: dist.version, location: dist.location, metadata: dist.metadataDir, folders, from, editable: null, record });
  }
  return {
    python: report.info.path,
    executable: report.info.executable,
    sitePackages: report.paths,
    distributions
  };
}
function installedFolders(installed) {
  return [...new Set(installed.distributions.flatMap((d) => d.folders))];
}
function recordHashes(record) {
  const rows = /* @__PURE__ */ new Map();
  for (const line of record.split(/\r?\n/)) {
    const m = /^("(?:[^"]|"")*"|[^,]*),sha256=([A-Za-z0-9_-]+),/.exec(line);
    if (!m)
      continue;
    const file = m[1].startsWith('"') ? m[1].slice(1, -1).replace(/""/g, '"') : m[1];
    rows.set(file, m[2]);
  }
  return rows;
}
async function recordMismatches(dist) {
  if (!dist.record)
    return [];
  const text = await readText2(dist.record);
  if (!text)
    return [];
  const { createHash } = process.getBuiltinModule("node:crypto");
  const stale = [];
  for (const [file, digest] of recordHashes(text)) {
    if (!file.endsWith(".py"))
      continue;
    const bytes = await fs8.readFile(path17.join(dist.location, file)).catch(() => null);
    if (!bytes)
      continue;
    if (createHash("sha256").update(bytes).digest("base64url") !== digest)
      stale.push(file);
  }
  return stale.sort();
}
var KNOWN_PACKAGES;
var init_installed = __esm({
  "dist/detect/installed.js"() {
    "use strict";
    init_metadata();
    KNOWN_PACKAGES = {
      paddledet: "ppdet",
      paddleocr: "paddleocr",
      paddleseg: "paddleseg",
      paddleclas: "paddleclas"
    };
  }
});

// dist/detect/index.js
async function detectEnvironmentWith(opts, runner) {
  const env = opts.env ?? process.env;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const warnings = [];
  const flagged = opts.paddleVersion !== void 0 ? paddleFromFlag(opts.paddleVersion) : null;
  let report = null;
  const stale = [];
  if (flagged === null || opts.python !== void 0 || opts.installed) {
    const located = await locatePython(opts.python, env, stale);
    if (located)
      report = await inspectInterpreter(located, { env, timeoutMs, runner });
  }
  let installed;
  let root = opts.root;
  if (opts.installed) {
    if (!report || report.info.read === "failed") {
      const why = report ? `${report.info.path} could not be read (${report.warnings.join(" ")})` : "no Python interpreter was found (no VIRTUAL_ENV, CONDA_PREFIX, python3 or python on PATH)";
      throw new DetectUsageError(`--installed: ${why}; name the interpreter the toolkit is installed for with --python PATH`);
    }
    installed = await installedToolkits(report);
    const first = installed.distributions.find((d) => d.folders.length);
    if (first)
      root = first.editable ?? first.location;
  }
  const staleVariables = stale.map((variable) => ({ variable, warning: staleWarning(variable, report?.info ?? null) }));
  warnings.push(...staleVariables.map((s) => s.warning));
  if (report)
    warnings.push(...report.warnings);
  let paddle = flagged;
  if (report && report.info.read !== "failed") {
    const source = report.info.read;
    const fromEnv = await paddleFromDistributions(report.dists, report.info.path, source);
    if (flagged === null) {
      paddle = fromEnv.paddle;
      warnings.push(...fromEnv.warnings);
    } else if (fromEnv.paddle && fromEnv.paddle.version !== flagged.version) {
      warnings.push(`--paddle-version ${flagged.raw} overrides ${fromEnv.paddle.distribution} ${fromEnv.paddle.raw} installed for ${report.info.path}.`);
    }
  }
  const detection = await detectToolkit(root, report ? report.dists : null);
  warnings.push(...detection.warnings);
  if (paddle === null) {
    const pinned = await findPaddlePin([root, detection.info.base ?? root]);
    if (pinned)
      paddle = paddleFromPin(pinned, root);
  }
  return {
    paddle,
    paddledetection: detection.info,
    verdict: computeVerdict(paddle),
    warnings,
    interpreter: report ? report.info : null,
    ...staleVariables.length ? { staleVariables } : {},
    ...installed ? { installed } : {}
  };
}
function staleWarning(s, used) {
  const what = s.name === "VIRTUAL_ENV" ? "virtualenv" : "conda environment";
  const problem = s.problem === "missing" ? `points to a folder that does not exist (a deleted or moved ${what} still active in this shell?)` : s.problem === "not-a-folder" ? "does not point to a folder" : `points to a folder without a usable python (looked for ${s.looked.join(", ")})`;
  const instead = used ? `Paddle was read from ${used.path} (${used.origin === "PATH" ? "first on PATH" : `$${used.origin}`}) instead` : "no other Python was found either";
  return `${s.name}=${s.value} ${problem}; ${instead}. Activate the environment the export runs in, or name its interpreter with --python PATH`;
}
async function detectEnvironment(opts) {
  return detectEnvironmentWith(opts);
}
var DEFAULT_TIMEOUT_MS;
var init_detect = __esm({
  "dist/detect/index.js"() {
    "use strict";
    init_toolkit();
    init_interpreter();
    init_paddle();
    init_pins();
    init_verdict();
    init_installed();
    init_types();
    init_types();
    init_installed();
    init_layout();
    init_versions();
    init_verdict();
    DEFAULT_TIMEOUT_MS = 5e3;
  }
});

// dist/cli/options.js
import { statSync as statSync2 } from "node:fs";
import { stat } from "node:fs/promises";
import path18 from "node:path";
import { Option } from "commander";
function walkOptions(cmd) {
  return cmd.option("--exclude <glob>", "skip files and folders matching GLOB (repeatable): without a slash, a name at any depth (legacy/, *_pb2.py); with one, a path below each folder given (deploy/**); ./, ../ or / starts a path from here; a trailing / means folders only", (v, acc) => [...acc, v], []).option("--no-ignore", "also walk what .gitignore, .ignore and .git/info/exclude skip").addOption(new Option("--no-respect-gitignore", "same as --no-ignore").hideHelp());
}
function noIgnore(opts) {
  return !opts.ignore || !opts.respectGitignore;
}
function detectionOptions(cmd) {
  return cmd.option("--paddle-version <version>", "the Paddle release the export will run with (skips detection)").option("--python <path>", "read the installed Paddle from this interpreter").option("--no-detect", "skip reading the installed Paddle and the checkout's version; starts no interpreter (an error with --python or --paddle-version)").option("--installed", "instead of paths, the toolkits (paddledet, paddleocr, paddleseg, paddleclas) installed in the Python that --python names, else the active environment's; nothing outside their folders is touched");
}
function refuseContradictions(cmd) {
  const opts = cmd.opts();
  const given = (name) => cmd.getOptionValueSource(name) === "cli";
  for (const pattern of opts.exclude ?? [])
    checkExcludePattern(pattern);
  if (opts.json && given("format") && opts.format !== "json") {
    throw new UserError(`--json and --format ${opts.format} contradict each other (--json is --format json); give one of them`);
  }
  if (opts.stdinFilename !== void 0 && !cmd.args.includes("-")) {
    throw new UserError("--stdin-filename names the source read from `-` (standard input), and no `-` was given");
  }
  if (opts.format === "github" && cmd.args.includes("-")) {
    throw new UserError("--format github cannot be used with `-` (standard input): GitHub reads its annotations from standard output, which carries the fixed source (or its diff); run on the file's path instead, or use --json (the report of `-` goes to stderr)");
  }
  if (opts.installed) {
    const other = cmd.args.length ? `the paths given (${cmd.args.join(" ")})` : opts.detect === false ? "--no-detect" : opts.fromTraceback !== void 0 ? "--from-traceback" : null;
    if (other) {
      throw new UserError(`--installed cannot be combined with ${other}: --installed fixes exactly the toolkit folders that the interpreter's metadata names (--python PATH picks the interpreter); give paths without --installed to fix a checkout`);
    }
  }
  if (opts.detect === false) {
    const named = [opts.python !== void 0 && "--python", opts.paddleVersion !== void 0 && "--paddle-version"].filter(Boolean).join(" and ");
    if (named) {
      throw new UserError(`--no-detect cannot be combined with ${named}: --no-detect reads no Paddle at all; drop it (--paddle-version alone already starts no interpreter)`);
    }
  }
}
function refuseOptionsBefore(program2, sub) {
  const given = program2.options.filter((o) => program2.getOptionValueSource(o.attributeName()) === "cli").map((o) => o.long ?? o.short);
  if (given.length) {
    const [is, them] = given.length === 1 ? ["is the main command's option", "it"] : ["are the main command's options", "them"];
    throw new UserError(`${given.join(", ")} before \`${sub.name()}\` ${is}, not ${sub.name()}'s; put ${them} after \`${sub.name()}\``);
  }
}
async function excludeWarnings(paths, patterns) {
  if (!patterns.length)
    return [];
  const dirs = (await Promise.all(paths.map((p) => stat(p).then((s) => s.isDirectory() ? p : null, () => null)))).filter((d) => d !== null);
  if (!dirs.length)
    return [];
  const folders = dirs.join(", ");
  return unreachablePathPatterns(compileExcludes(patterns), dirs).map((r) => `warning: --exclude ${r.pattern} is a path from the current folder (${r.resolved}${r.foldersOnly ? "/" : ""}), outside ${folders}: it excludes nothing there` + (r.pattern.startsWith("./") ? `; for a path below the folder walked, leave out the ./ (--exclude ${r.pattern.slice(2)})` : ""));
}
function isDirectory(p) {
  try {
    return statSync2(p).isDirectory();
  } catch {
    return false;
  }
}
async function detect(paths, opts) {
  const dirs = paths.map((p) => isDirectory(p) ? p : null);
  const root = path18.resolve(dirs.find((d) => d !== null) ?? ".");
  const environment = await detectEnvironment({ root, paddleVersion: opts.paddleVersion, python: opts.python });
  if (!opts.quiet)
    warnStaleVariables(environment);
  return environment;
}
function warnStaleVariables(environment) {
  for (const { warning } of environment?.staleVariables ?? [])
    process.stderr.write(`paddle-fullgraph-fix: warning: ${warning}
`);
}
function refusePlainUnlessSupported(environment) {
  const paddle = environment?.paddle ?? null;
  if (supportsFullGraphKeyword(paddle))
    return;
  const why = paddle ? `Paddle ${paddle.raw} is not known to accept it (2.3/2.4 raise TypeError)` : "no Paddle was detected to show it is 2.5 or newer (2.3/2.4 raise TypeError)";
  throw new UserError(`--style plain writes a bare full_graph=True, and ${why}; use the default --style guarded, or name a 2.5+ release with --paddle-version`);
}
var EXIT, SIGNAL_EXIT;
var init_options = __esm({
  "dist/cli/options.js"() {
    "use strict";
    init_detect();
    init_model();
    init_exclude();
    EXIT = { ok: 0, pending: 1, error: 2 };
    SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 };
  }
});

// dist/report/github.js
function formatGithubReport(report) {
  const lines = [];
  for (const file of report.files) {
    if (file.status === "error")
      lines.push(command("error", { file: file.path }, file.reason ?? "error"));
    for (const site of file.sites) {
      const where2 = { file: file.path, line: String(site.line), col: String(site.column) };
      if (site.action === "would-fix" || site.action === "fixed") {
        const verb = site.action === "fixed" ? "fixed" : "needs";
        lines.push(command("warning", { ...where2, title: `paddle-fullgraph-fix (${site.class})` }, `${site.callee}(...) ${verb} full_graph=True: ${site.reason}`));
      } else if (site.action === "needs-review") {
        lines.push(command("notice", { ...where2, title: "paddle-fullgraph-fix (needs review)" }, `${site.callee}(...) ${site.reason}`));
      }
    }
  }
  return lines;
}
function command(kind, props, message) {
  const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(v)}`).join(",");
  return `::${kind} ${list}::${escapeData(message)}`;
}
function escapeData(s) {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(s) {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
var init_github = __esm({
  "dist/report/github.js"() {
    "use strict";
  }
});

// dist/report/json.js
function formatJsonReport(report, extra = {}) {
  const { version, tool, mode, revert, diffRoot, interrupted: interrupted2, environment, installed, files, summary, staleTempFiles } = report;
  const env = environment === void 0 ? {} : {
    environment: environment && {
      paddle: environment.paddle,
      paddledetection: environment.paddledetection,
      verdict: environment.verdict,
      warnings: environment.warnings
    }
  };
  const flags = { ...revert ? { revert } : {}, ...diffRoot ? { diffRoot } : {}, ...interrupted2 ? { interrupted: interrupted2 } : {} };
  const stale = staleTempFiles ? { staleTempFiles } : {};
  return JSON.stringify({ version, ...tool ? { tool } : {}, mode, ...flags, ...extra, ...env, ...installed ? { installed } : {}, files, summary, ...stale }, null, 2);
}
var init_json = __esm({
  "dist/report/json.js"() {
    "use strict";
  }
});

// dist/report/header.js
function environmentHeader(environment) {
  const stale = new Set((environment.staleVariables ?? []).map((s) => s.warning));
  const [found2, verdict, ...warnings] = formatEnvironmentHeader({ ...environment, warnings: environment.warnings.filter((w) => !stale.has(w)) });
  const next = environment.paddle === null ? "Next: say which Paddle the export runs with, --python PATH (the interpreter that has it installed) or --paddle-version X (e.g. --paddle-version 3.0.0), and the report says whether the error occurs there." : null;
  return { found: found2, verdict, next, warnings };
}
var init_header = __esm({
  "dist/report/header.js"() {
    "use strict";
    init_detect();
  }
});

// dist/report/installed.js
function folderName(dist, folder) {
  const inside = folder.startsWith(`${dist.location}/`) ? folder.slice(dist.location.length + 1) : folder;
  return inside.endsWith(".py") ? inside : `${inside}/`;
}
function distributionLine(dist) {
  const what = `${dist.name} ${dist.version}`;
  if (dist.editable)
    return `  ${what}: editable install of ${dist.editable}, fixed there`;
  if (!dist.folders.length)
    return `  ${what}: its files were not found in ${dist.location} (no RECORD, top_level.txt or known package folder); left alone`;
  return `  ${what}: ${dist.folders.map((f) => folderName(dist, f)).join(", ")} in ${dist.location}`;
}
function recordLine(dist, revert) {
  if (!dist.record || dist.recordMismatches === void 0)
    return null;
  const what = `${dist.name} ${dist.version}`;
  const n = dist.recordMismatches.length;
  if (n === 0)
    return `  ${what}: every file matches its RECORD${revert ? " again" : ""} (as pip installed it)`;
  return `  ${what}: ${plural(n, "file")} no longer match${n === 1 ? "es" : ""} the hashes in its RECORD (pip check does not look at them); --revert --installed, or pip install --force-reinstall --no-deps ${dist.name}==${dist.version}, restores ${n === 1 ? "it" : "them"}`;
}
function installedLines(installed, report) {
  const records = installed.distributions.map((d) => recordLine(d, Boolean(report.revert))).filter((l) => l !== null);
  return [
    `installed for ${installed.python} (${plural(installed.sitePackages.length, "site folder")}: ${installed.sitePackages.join(", ")}):`,
    ...installed.distributions.map(distributionLine),
    ...records
  ];
}
var init_installed2 = __esm({
  "dist/report/installed.js"() {
    "use strict";
    init_words();
  }
});

// dist/report/text.js
import { createColors } from "picocolors";
function formatTextReport(report, color) {
  const c = createColors(color);
  if (report.revert)
    return [...toolLine(report, c), ...installedBlock(report), ...formatRevertReport(report, c)];
  const lines = [];
  if (report.environment) {
    const { found: found2, verdict, next, warnings } = environmentHeader(report.environment);
    const tool = report.tool ? `${report.tool.name} ${report.tool.version} \xB7 ` : "";
    lines.push(c.bold(`${tool}${found2}`), verdict, ...next ? [next] : [], ...warnings.map((w) => c.yellow(w)), "");
  } else {
    lines.push(...toolLine(report, c));
  }
  lines.push(...installedBlock(report));
  for (const file of report.files) {
    if (file.status === "skipped" || file.status === "error") {
      const label = file.status === "error" ? c.red("error") : c.yellow("skipped");
      lines.push(`${c.bold(file.path)}  ${label}  ${file.reason ?? ""}`.trimEnd());
    }
    for (const site of file.sites) {
      lines.push(`${c.bold(`${file.path}:${site.line}:${site.column}`)}  ${actionLabel(site.action, c)}  ${site.class}  ${c.dim(site.reason)}`);
    }
  }
  lines.push(...staleTempLines(report, c));
  lines.push(summaryLine(report, c));
  return lines;
}
function installedBlock(report) {
  return report.installed ? [...installedLines(report.installed, report), ""] : [];
}
function toolLine(report, c) {
  return report.tool ? [c.bold(`${report.tool.name} ${report.tool.version}`), ""] : [];
}
function staleTempLines(report, c) {
  const stale = report.staleTempFiles;
  if (!stale)
    return [];
  const write = report.mode === "write";
  const lines = stale.remaining.map((file) => `${c.bold(file)}  ${c.yellow("stale")}  temp file left by an interrupted run${write ? "; could not be removed" : ""}`);
  if (stale.removed)
    lines.push(`removed ${plural(stale.removed, "stale temp file")} left by an interrupted run`);
  if (!write && stale.remaining.length) {
    const flag = report.mode === "check" ? "--check" : "--dry-run";
    const them = stale.remaining.length === 1 ? "it" : "them";
    lines.push(`${plural(stale.remaining.length, "stale temp file")} left by an interrupted run (listed above): ${flag} deletes nothing; a run without --check and --dry-run removes ${them}`);
  }
  return lines;
}
function actionLabel(action, c) {
  switch (action) {
    case "fixed":
      return c.green(action);
    case "would-fix":
      return c.cyan(action);
    case "already-fixed":
      return c.green(action);
    case "needs-review":
      return c.magenta(action);
    default:
      return c.yellow(action);
  }
}
function summaryLine(report, c) {
  const s = report.summary;
  const verb = report.mode === "write" ? "fixed" : "to fix";
  const parts = [
    `${s.fixed} ${verb}`,
    `${s.alreadyFixed} already fixed`,
    `${s.skipped} skipped`,
    `${s.needsReview} need review`
  ];
  const files = [`${plural(s.files, "file")} scanned`, `${s.changed} ${report.mode === "write" ? "changed" : "would change"}`];
  if (s.skippedFiles)
    files.push(`${s.skippedFiles} skipped`);
  if (s.errors)
    files.push(c.red(`${s.errors} with errors`));
  let line = `${parts.join(", ")} \xB7 ${files.join(", ")}`;
  for (const note of [excludedNote(s), ignoredNote(s)])
    if (note)
      line += ` \xB7 ${note}`;
  if (report.mode === "check" && s.fixed)
    line += ` \xB7 run without --check to apply`;
  return line;
}
function formatRevertReport(report, c) {
  const lines = report.files.map((file) => {
    const label = file.status === "changed" ? c.green(report.mode === "write" ? "reverted" : "would revert") : file.status === "error" ? c.red("error") : c.yellow(file.status);
    return `${c.bold(file.path)}  ${label}  ${file.reason ?? ""}`.trimEnd();
  });
  lines.push(...staleTempLines(report, c));
  const s = report.summary;
  const changed = report.files.filter((f) => f.status === "changed");
  const guards = changed.reduce((n, f) => n + (f.revert?.guardBlocks ?? 0), 0);
  const keywords = changed.reduce((n, f) => n + (f.revert?.keywords ?? 0), 0);
  const verb = report.mode === "write" ? "reverted" : "to revert";
  const parts = [
    `${plural(s.changed, "file")} ${verb} (${plural(guards, "guard block")}, ${plural(keywords, "keyword")})`,
    `${plural(s.files, "file")} scanned`
  ];
  if (s.skippedFiles)
    parts.push(`${s.skippedFiles} skipped`);
  if (s.errors)
    parts.push(c.red(`${s.errors} with errors`));
  for (const note of [excludedNote(s), ignoredNote(s)])
    if (note)
      parts.push(note);
  let line = parts.join(" \xB7 ");
  if (report.mode === "check" && s.changed)
    line += " \xB7 run without --check to revert";
  lines.push(line);
  return lines;
}
var init_text = __esm({
  "dist/report/text.js"() {
    "use strict";
    init_header();
    init_words();
    init_installed2();
  }
});

// dist/report/doctor.js
function shellQuote(arg) {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
function sitesOf(report, test) {
  return report.files.flatMap((f) => f.sites.filter(test).map((site) => ({ path: f.path, site })));
}
function doctorSummary(environment, report, options = {}) {
  const pending = sitesOf(report, (s) => s.action === "would-fix");
  const required = pending.filter((r) => r.site.class === "required");
  const raising = sitesOf(report, (s) => PENDING_REVIEW_CODES.has(s.code));
  const rejected = pending.filter((r) => r.site.code === "upstream/bare-keyword-rejected" && r.site.class !== "other");
  const unguarded = sitesOf(report, (s) => s.code === "already-fixed/upstream-unguarded");
  const skipped = sitesOf(report, (s) => s.action === "skipped");
  const needsReview = sitesOf(report, (s) => s.action === "needs-review");
  const troubled = report.files.filter((f) => f.status === "skipped" || f.status === "error");
  const paddle = environment?.paddle ?? null;
  const verdict = environment?.verdict.code ?? "unknown";
  const rejects = paddle !== null && !supportsFullGraphKeyword(paddle);
  let status = "clean";
  if (rejected.length > 0)
    status = "keyword-rejected";
  else if (required.length + raising.length > 0 && verdict !== "not-affected")
    status = "will-fail";
  else if (pending.length + raising.length > 0)
    status = "pending";
  else if (unguarded.length > 0 && rejects)
    status = "keyword-rejected";
  const command2 = options.command ?? DEFAULT_COMMAND;
  const root = targetOf(options);
  const fixCommand = pending.length > 0 ? `${command2} ${root}` : null;
  return { status, exitCode: status === "clean" ? 0 : 1, pending, required, raising, unguarded, rejected, skipped, needsReview, troubled, fixCommand };
}
function targetOf(options) {
  return options.target ?? shellQuote(options.root ?? ".");
}
function doctorReport(environment, report, options = {}) {
  const s = doctorSummary(environment, report, options);
  const command2 = options.command ?? DEFAULT_COMMAND;
  const root = targetOf(options);
  const max = options.maxSites ?? 8;
  const lines = [];
  if (environment) {
    const { found: found2, verdict, next, warnings } = environmentHeader(environment);
    const paddleLine = environment.verdict.code === "affected" && environment.paddle ? `Paddle ${environment.paddle.develop ? "develop (0.0.0)" : environment.paddle.version} converts with SOT unless to_static gets full_graph=True: code that reads the converted program (.main_program, .outputs, ...) raises "Can't call ... when full_graph=False".` : verdict;
    lines.push(`Installed: ${found2}`, `Paddle:    ${paddleLine}`, ...next ? [`           ${next}`] : [], ...warnings);
    if (report.installed)
      lines.push(...installedLines(report.installed, report).map((l, i) => `${i ? "          " : "Toolkits:  "}${l}`));
  } else {
    lines.push("Installed: not checked (--no-detect); whether the error occurs depends on the Paddle the export runs with (2.6 and newer convert with SOT).");
  }
  const paddle = environment?.paddle ?? null;
  const paddleName2 = paddle ? paddle.develop ? "develop (0.0.0)" : paddle.version : null;
  switch (s.status) {
    case "will-fail": {
      const hits = `${paddleName2 ? `WILL hit the error with Paddle ${paddleName2}` : "will hit the error with Paddle 2.6 and newer"}`;
      const reads = plural(s.required.length + s.raising.length, "unfixed call site reads", "unfixed call sites read");
      const fixedExports = report.files.some((f) => f.sites.some((site) => site.action === "already-fixed" && site.class !== "other"));
      if (fixedExports) {
        const named = [...s.required, ...s.raising].map((r) => r.site.scope ? `${r.site.scope} (${where(r)})` : where(r));
        lines.push(`Export:    the export in ${named.slice(0, 3).join(", ")}${named.length > 3 ? ", ..." : ""} ${hits}: ${reads} the converted program; the other export calls already pass full_graph.`);
      } else {
        lines.push(`Export:    ${hits}: ${reads} the converted program.`);
      }
      break;
    }
    case "pending":
      if (s.required.length + s.raising.length > 0) {
        lines.push(`Export:    works with Paddle ${paddleName2 ?? "before 2.6"}, but will hit the error after an upgrade to 2.6 or newer: ${plural(s.required.length + s.raising.length, "unfixed call site reads", "unfixed call sites read")} the converted program.`);
      } else {
        lines.push(`Export:    does not read the converted program, so it does not hit this error; ${plural(s.pending.length, "export call site still converts", "export call sites still convert")} with SOT on Paddle 2.6 and newer (paddle.jit.save copes with that); the fix makes ${s.pending.length === 1 ? "it" : "them"} whole-graph.`);
      }
      break;
    case "keyword-rejected":
      if (s.rejected.length > 0) {
        lines.push(`Export:    WILL fail with Paddle ${paddleName2}: ${plural(s.rejected.length, "export call passes", "export calls pass")} a bare full_graph=True, which Paddle before 2.5 rejects with TypeError (${s.rejected.map(where).slice(0, 3).join(", ")}). The fix guards ${s.rejected.length === 1 ? "it" : "them"}.`);
        break;
      }
      lines.push(`Export:    WILL fail with Paddle ${paddleName2}: ${plural(s.unguarded.length, "call passes", "calls pass")} a bare full_graph=True, which Paddle before 2.5 rejects with TypeError (${s.unguarded.map(where).join(", ")}). This tool leaves an existing keyword alone: remove it or upgrade Paddle to 2.5 or newer.`);
      break;
    case "clean": {
      const total = report.files.reduce((n, f) => n + f.sites.length, 0);
      if (total === 0)
        lines.push(`Export:    no paddle.jit.to_static call found in ${report.summary.files} scanned ${report.summary.files === 1 ? "file" : "files"}; nothing to fix.`);
      else {
        const fixedNote = report.summary.alreadyFixed ? ` (${plural(report.summary.alreadyFixed, "call already passes", "calls already pass")} full_graph)` : "";
        lines.push(`Export:    nothing to fix on the export path${fixedNote}.`);
      }
      break;
    }
  }
  if (s.pending.length > 0) {
    lines.push(`Unfixed:   ${plural(s.pending.length, "call site")}`);
    for (const r of s.pending.slice(0, max))
      lines.push(`           ${where(r)}  ${r.site.class}  ${r.site.reason}`);
    if (s.pending.length > max)
      lines.push(`           ... and ${s.pending.length - max} more (${command2} --check ${root} lists them all)`);
  }
  if (s.raising.length > 0) {
    lines.push(`Review:    ${plural(s.raising.length, "call passes", "calls pass")} full_graph=False yet ${s.raising.length === 1 ? "reads" : "read"} the converted program; this tool leaves a chosen value to you:`);
    for (const r of s.raising.slice(0, max))
      lines.push(`           ${where(r)}  ${r.site.reason}`);
  }
  if (s.unguarded.length > 0 && s.status !== "keyword-rejected") {
    lines.push(`Note:      ${plural(s.unguarded.length, "call passes", "calls pass")} a bare full_graph=True (upstream's fix); Paddle 2.3/2.4 reject it with TypeError.`);
  }
  const alone = [];
  if (s.skipped.length)
    alone.push(`${plural(s.skipped.length, "call")} not on an export path (training-time conversions and the like; --all fixes them too)`);
  const otherReview = s.needsReview.filter((r) => !PENDING_REVIEW_CODES.has(r.site.code));
  if (otherReview.length)
    alone.push(`${plural(otherReview.length, "call")} to review by hand (${otherReview.map(where).slice(0, 3).join(", ")})`);
  if (s.troubled.length)
    alone.push(`${plural(s.troubled.length, "file")} not handled (${s.troubled.slice(0, 3).map((f) => `${f.path}: ${f.reason ?? f.status}`).join("; ")})`);
  for (const note of [excludedNote(report.summary), ignoredNote(report.summary)])
    if (note)
      alone.push(note);
  if (alone.length)
    lines.push(`Left:      ${alone.join("; ")}.`);
  if (s.fixCommand) {
    lines.push(`Fix:       ${s.fixCommand}`, `           (preview first: ${command2} --dry-run ${root})`);
  }
  if (s.status !== "will-fail" && (s.skipped.length > 0 || s.pending.length === 0)) {
    lines.push(`If an export still dies with "Can't call ... when full_graph=False", hand its traceback to: ${command2} --from-traceback export.log ${root}`);
  }
  if (report.tool)
    lines.push(`Tool:      ${report.tool.name} ${report.tool.version}`);
  return lines;
}
var DEFAULT_COMMAND, where;
var init_doctor = __esm({
  "dist/report/doctor.js"() {
    "use strict";
    init_detect();
    init_header();
    init_model();
    init_words();
    init_installed2();
    DEFAULT_COMMAND = "paddle-fullgraph-fix";
    where = (r) => `${r.path}:${r.site.line}:${r.site.column}`;
  }
});

// dist/cli/output.js
function interrupted(report, signal) {
  const done = report ? report.files.filter((f) => f.status === "changed").length : 0;
  const left = report?.interrupted?.notStarted ?? 0;
  const written = report?.mode === "write" ? `${plural(done, "file")} ${report.revert ? "reverted" : "changed"} (listed above)` : "nothing written";
  process.stderr.write(`paddle-fullgraph-fix: interrupted by ${signal}: ${written}; ${plural(left, "file")} not started; no file was left half-written
`);
  return SIGNAL_EXIT[signal] ?? EXIT.error;
}
function print(report, format, term, extra = {}, quiet = false) {
  if (format === "json") {
    process.stdout.write(`${formatJsonReport(report, extra)}
`);
    return;
  }
  if (format === "github") {
    const lines = formatGithubReport(report);
    if (lines.length)
      process.stdout.write(`${lines.join("\n")}
`);
    if (!quiet)
      process.stdout.write(`${formatTextReport({ ...report, environment: void 0, files: [] }, false).join("\n")}
`);
    return;
  }
  const reportTo = report.mode === "dry-run" ? "stderr" : "stdout";
  if (report.mode === "dry-run") {
    for (const file of report.files)
      if (file.diff)
        process.stdout.write(colorDiff(file.diff, term.colors("stdout")));
  }
  if (quiet)
    printErrors(report);
  else
    process[reportTo].write(`${formatTextReport(report, term.color(reportTo)).join("\n")}
`);
  if (!quiet && report.diffRoot && report.files.some((f) => f.diff))
    process.stderr.write(`paddle-fullgraph-fix: ${diffRootNote(report.diffRoot)}
`);
}
function diffRootNote(root) {
  const where2 = shellQuote(root);
  return `the diff's paths are relative to ${root}, not to the current folder: some files lie outside it, and git apply and patch refuse paths with ../; apply it from there: git -C ${where2} apply FILE, or patch -d ${where2} -p1 < FILE`;
}
function printErrors(report) {
  for (const file of report.files) {
    if (file.status === "error")
      process.stderr.write(`paddle-fullgraph-fix: ${file.path}: ${file.reason ?? "error"}
`);
  }
}
function exitCode(report, check) {
  if (report.summary.errors)
    return EXIT.error;
  const pending = report.revert ? report.summary.changed : report.summary.fixed;
  const raises = !report.revert && report.files.some((f) => f.sites.some((s) => PENDING_REVIEW_CODES.has(s.code)));
  if (check && (pending || raises))
    return EXIT.pending;
  return EXIT.ok;
}
function invokedCommand(env = process.env) {
  return env.npm_command === "exec" ? "npx paddle-fullgraph-fix" : "paddle-fullgraph-fix";
}
var init_output = __esm({
  "dist/cli/output.js"() {
    "use strict";
    init_model();
    init_github();
    init_json();
    init_text();
    init_options();
    init_words();
    init_doctor();
    init_diff();
  }
});

// dist/cli/terminal.js
import { createColors as createColors2 } from "picocolors";
function terminal(opts, env = process.env, streams = process) {
  const forced = (env.PADDLE_FULLGRAPH_FIX_TTY ?? "").split(",").map((s) => s.trim());
  const isTerminal = (name) => Boolean(streams[name].isTTY) || forced.includes(name) || forced.includes("1");
  const color = (name) => {
    if (opts.color === false || env.NO_COLOR)
      return false;
    if (env.FORCE_COLOR && env.FORCE_COLOR !== "0")
      return true;
    return isTerminal(name) && env.TERM !== "dumb";
  };
  const after = env.PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS ? Number(env.PADDLE_FULLGRAPH_FIX_PROGRESS_AFTER_MS) : NaN;
  return {
    color,
    colors: (name) => createColors2(color(name)),
    progress: isTerminal("stderr") && !opts.json && !opts.quiet,
    progressAfterMs: Number.isFinite(after) && after >= 0 ? after : PROGRESS_AFTER_MS
  };
}
var PROGRESS_AFTER_MS;
var init_terminal = __esm({
  "dist/cli/terminal.js"() {
    "use strict";
    PROGRESS_AFTER_MS = 1e3;
  }
});

// dist/cli/progress.js
function progressText(p) {
  return p.phase === "walk" ? `looking for Python files\u2026 ${p.done} found` : `scanned ${p.done} of ${p.total} files\u2026`;
}
function progressLine(enabled, afterMs, stream = process.stderr, everyMs = 100) {
  if (!enabled)
    return NONE;
  let latest = null;
  let width2 = 0;
  let due = false;
  let drawn = 0;
  const draw = () => {
    if (!latest)
      return;
    drawn = Date.now();
    const text = progressText(latest);
    stream.write(`\r${text}${" ".repeat(Math.max(0, width2 - text.length))}`);
    width2 = Math.max(width2, text.length);
  };
  const start = setTimeout(() => {
    due = true;
    draw();
  }, afterMs);
  start.unref();
  return {
    update(progress) {
      latest = progress;
      if (due && Date.now() - drawn >= everyMs)
        draw();
    },
    stop() {
      clearTimeout(start);
      due = false;
      if (width2)
        stream.write(`\r${" ".repeat(width2)}\r`);
      width2 = 0;
    }
  };
}
var NONE;
var init_progress = __esm({
  "dist/cli/progress.js"() {
    "use strict";
    NONE = { update() {
    }, stop() {
    } };
  }
});

// dist/cli/installed.js
var installed_exports = {};
__export(installed_exports, {
  installedTarget: () => installedTarget,
  unwritableHint: () => unwritableHint,
  withRecordCheck: () => withRecordCheck
});
async function installedTarget(opts) {
  const environment = await detectEnvironment({ root: process.cwd(), python: opts.python, paddleVersion: opts.paddleVersion, installed: true });
  const installed = environment.installed;
  const folders = installedFolders(installed);
  if (!folders.length) {
    const found2 = installed.distributions.map((d) => `${d.name} ${d.version} (its files are not in ${d.location})`);
    throw new UserError(`--installed: ${found2.length ? found2.join(", ") : `no ${TOOLKIT_DISTRIBUTIONS.join(", ")} is installed`} for ${installed.python} (searched ${installed.sitePackages.join(", ") || "no site folder"}); name the interpreter the export runs with: --installed --python PATH`);
  }
  return { environment, installed, folders };
}
async function withRecordCheck(report, installed) {
  if (report.mode !== "write")
    return { ...report, installed };
  const distributions = await Promise.all(installed.distributions.map(async (d) => d.record ? { ...d, recordMismatches: await recordMismatches(d) } : d));
  return { ...report, installed: { ...installed, distributions } };
}
function unwritableHint(report, installed) {
  const failed = report.files.filter((f) => f.code === "file/write-failed");
  if (!failed.length)
    return null;
  const undo = installed.distributions.filter((d) => d.record).map((d) => `pip install --force-reinstall --no-deps ${d.name}==${d.version}`).join(" or ");
  return `${plural(failed.length, "file")} of the installed toolkit could not be written (listed above), nothing half-written: fix a copy you own instead, in a virtual environment (python -m venv ENV; ENV/bin/pip install the toolkit; then --installed --python ENV/bin/python), or run as the folder's owner` + (report.files.some((f) => f.status === "changed") ? `; to undo the files that were written: --revert --installed${undo ? `, or ${undo}` : ""}` : "");
}
var init_installed3 = __esm({
  "dist/cli/installed.js"() {
    "use strict";
    init_detect();
    init_model();
    init_metadata();
    init_words();
  }
});

// dist/cli/doctor.js
var doctor_exports = {};
__export(doctor_exports, {
  runDoctor: () => runDoctor
});
import { stat as stat2 } from "node:fs/promises";
import path20 from "node:path";
async function runDoctor(root, opts) {
  const installed = opts.installed ? await (await Promise.resolve().then(() => (init_installed3(), installed_exports))).installedTarget(opts) : null;
  const paths = installed ? installed.folders : [root];
  if (!installed) {
    const rootStat = await stat2(root).catch(() => null);
    if (!rootStat?.isDirectory())
      throw new MissingPathError(`${root}: no such directory`);
  }
  for (const warning of await excludeWarnings(paths, opts.exclude))
    process.stderr.write(`paddle-fullgraph-fix: ${warning}
`);
  const environment = installed ? installed.environment : opts.detect ? await detectEnvironment({ root: path20.resolve(root), python: opts.python, paddleVersion: opts.paddleVersion }) : null;
  warnStaleVariables(environment);
  const walk2 = { exclude: opts.exclude, noIgnore: noIgnore(opts) };
  const term = terminal({ json: opts.json });
  const progress = progressLine(term.progress, term.progressAfterMs);
  const checked = await fixPaths(paths, { mode: "check", ...walk2, environment, onProgress: term.progress ? progress.update : void 0 }).finally(progress.stop);
  const report = installed ? { ...checked, installed: installed.installed } : checked;
  const flags = [...opts.exclude.flatMap((g) => ["--exclude", shellQuote(g)]), ...walk2.noIgnore ? ["--no-ignore"] : []];
  const command2 = [invokedCommand(), ...flags].join(" ");
  const target = installed ? `--installed --python ${shellQuote(installed.installed.python)}` : void 0;
  const summary = doctorSummary(environment, report, { root, command: command2, target });
  if (opts.json) {
    const { status, exitCode: code, fixCommand } = summary;
    process.stdout.write(`${formatJsonReport(report, { doctor: { status, exitCode: code, fixCommand } })}
`);
  } else {
    process.stdout.write(`${doctorReport(environment, report, { root, command: command2, target }).join("\n")}
`);
  }
  return summary.exitCode;
}
var init_doctor2 = __esm({
  "dist/cli/doctor.js"() {
    "use strict";
    init_detect();
    init_doctor();
    init_engine();
    init_walk();
    init_json();
    init_progress();
    init_terminal();
    init_output();
    init_options();
  }
});

// dist/traceback/parse.js
function sotAttributeOf(message) {
  return SOT_MESSAGE.exec(message)?.[1] ?? null;
}
function parseTraceback(text) {
  const lines = text.replace(ANSI, "").replace(/\r\n?/g, "\n").split("\n");
  const blocks = [];
  let i = 0;
  while (i < lines.length) {
    const at = lines[i].indexOf(HEADER);
    if (at < 0) {
      i++;
      continue;
    }
    const strip = prefixStripper(lines[i].slice(0, at));
    const block = { frames: [], exception: null };
    i++;
    let last = null;
    for (; i < lines.length; i++) {
      const line = strip(lines[i]);
      const frame = FRAME.exec(line);
      if (frame) {
        last = { file: cleanPath(frame[2]), line: Number(frame[3]), function: (frame[4] ?? "<unknown>").trim(), source: null, textLine: i + 1 };
        block.frames.push(last);
        continue;
      }
      if (line.includes(HEADER) || CHAIN.test(line.trim()))
        break;
      if (/^\s/.test(line) || line === "") {
        const t = line.trim();
        if (last && last.source === null && t && !CARETS.test(line) && !/^\[Previous line repeated/.test(t))
          last.source = t;
        continue;
      }
      const exc = EXCEPTION.exec(line);
      if (exc && block.frames.length > 0) {
        const message = [exc[2] ?? ""];
        let j = i + 1;
        for (; j < lines.length; j++) {
          const more = strip(lines[j]);
          if (more.trim() === "" || more.includes(HEADER) || CHAIN.test(more.trim()) || FRAME.test(more))
            break;
          message.push(more);
        }
        block.exception = { type: exc[1], message: message.join("\n").trim(), textLine: i + 1 };
        i = j;
        break;
      }
      if (block.frames.length > 0)
        break;
    }
    if (block.frames.length > 0 || block.exception)
      blocks.push(block);
  }
  const sotAttributes = new Set(loadPatch().sotAttributes);
  let chosen = null;
  let sot = null;
  for (const block of blocks) {
    const attribute = block.exception ? sotAttributeOf(`${block.exception.message}`) : null;
    if (attribute && block.exception && /(^|\.)RuntimeError$/.test(block.exception.type)) {
      chosen = block;
      sot = { attribute, known: sotAttributes.has(attribute) };
    }
  }
  const lastBlock = blocks[blocks.length - 1] ?? null;
  chosen ??= lastBlock;
  return {
    blocks,
    frames: chosen?.frames ?? [],
    exception: chosen?.exception ?? null,
    finalException: lastBlock?.exception ?? null,
    sot
  };
}
function prefixStripper(prefix) {
  const trimmed = prefix.trimEnd();
  if (!trimmed)
    return (line) => line;
  return (line) => line.startsWith(prefix) ? line.slice(prefix.length) : line.startsWith(trimmed) ? line.slice(trimmed.length) : line;
}
function cleanPath(file) {
  return /\\\\/.test(file) ? file.replace(/\\\\/g, "\\") : file;
}
function describeException(e) {
  if (!e)
    return "no exception line";
  const first = e.message.split("\n")[0] ?? "";
  return first ? `${e.type}: ${first}` : e.type;
}
var HEADER, FRAME, CHAIN, EXCEPTION, CARETS, SOT_MESSAGE, ANSI;
var init_parse = __esm({
  "dist/traceback/parse.js"() {
    "use strict";
    init_patches();
    HEADER = "Traceback (most recent call last):";
    FRAME = /^(\s*)File "(.+)", line (\d+)(?:, in (.+))?\s*$/;
    CHAIN = /^(During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:)\s*$/;
    EXCEPTION = /^([A-Za-z_][\w.]*)(?::(?: (.*)|$)|$)/;
    CARETS = /^\s*[~^]+[\s~^]*$/;
    SOT_MESSAGE = /Can[’'`]?t call ([A-Za-z_]\w*)(?:\(\))?\s+when full_graph=False/;
    ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;
  }
});

// dist/traceback/map.js
import path21 from "node:path";
async function indexPythonFiles(root, maxFiles = 2e5) {
  const byName = /* @__PURE__ */ new Map();
  const absRoot = path21.resolve(root);
  const files = await collectFiles([absRoot]).catch(() => []);
  for (const file of files.slice(0, maxFiles)) {
    if (!file.target)
      continue;
    const rel = path21.relative(absRoot, file.path).split(path21.sep).join("/");
    const key = path21.basename(file.path).toLowerCase();
    const list = byName.get(key);
    if (list)
      list.push(rel);
    else
      byName.set(key, [rel]);
  }
  return byName;
}
function pathParts(file) {
  return file.split(/[\\/]+/).filter((p) => p !== "" && p !== ".");
}
function looksWindows(file) {
  return /^[A-Za-z]:[\\/]/.test(file) || file.includes("\\");
}
function sharedSuffix(a, b, caseless) {
  let n = 0;
  while (n < a.length && n < b.length) {
    const x = a[a.length - 1 - n];
    const y = b[b.length - 1 - n];
    if (caseless ? x.toLowerCase() !== y.toLowerCase() : x !== y)
      break;
    n++;
  }
  return n;
}
function libraryIndex(parts) {
  for (let i = parts.length - 1; i >= 0; i--)
    if (LIBRARY_DIRS.has(parts[i].toLowerCase()))
      return i;
  return -1;
}
function isPaddlePackage(parts, lib) {
  if (lib >= 0)
    return /^paddle(_|$)/i.test(parts[lib + 1] ?? "");
  return false;
}
async function mapFrames(frames, root, options = {}) {
  const absRoot = path21.resolve(root);
  const index = await indexPythonFiles(absRoot, options.maxFiles);
  const window = options.window ?? 300;
  const texts = /* @__PURE__ */ new Map();
  const linesOf = (rel) => {
    if (!texts.has(rel)) {
      const text = readSourceText(path21.join(absRoot, ...rel.split("/")));
      texts.set(rel, text === null ? null : text.replace(/\r\n?/g, "\n").split("\n"));
    }
    return texts.get(rel);
  };
  const out = [];
  for (const frame of frames) {
    const base = { frame, file: null, relPath: null, line: frame.line, installed: false, note: null };
    if (/^<.*>$/.test(frame.file.trim())) {
      out.push({ ...base, status: "outside", note: "not a file" });
      continue;
    }
    const parts = pathParts(frame.file);
    const lib = libraryIndex(parts);
    if (isPaddlePackage(parts, lib)) {
      out.push({ ...base, status: "paddle", note: "inside the paddle package" });
      continue;
    }
    const caseless = looksWindows(frame.file);
    const candidates = index.get(parts[parts.length - 1]?.toLowerCase() ?? "") ?? [];
    let best = 0;
    let matches = [];
    let whole = false;
    for (const rel of candidates) {
      const relParts = rel.split("/");
      const score = sharedSuffix(parts, relParts, caseless);
      if (score > best)
        [best, matches, whole] = [score, [rel], score === relParts.length];
      else if (score === best && score > 0)
        matches.push(rel);
    }
    const enough = best >= 2 || best === 1 && (whole || parts.length === 1);
    if (!enough || matches.length === 0) {
      const paddleTree = parts.slice(0, -1).some((p) => p.toLowerCase() === "paddle") && /[\\/]paddle[\\/](jit|base|fluid|static|nn)[\\/]/i.test(frame.file);
      out.push({ ...base, status: paddleTree ? "paddle" : "outside", note: paddleTree ? "inside the paddle package" : "no file of the checkout matches this path" });
      continue;
    }
    if (matches.length > 1) {
      out.push({ ...base, status: "ambiguous", note: `matches ${matches.join(", ")}` });
      continue;
    }
    const relPath = matches[0];
    const file = path21.join(absRoot, ...relPath.split("/"));
    const installed = lib >= 0;
    const note = installed ? `ran an installed copy (${parts.slice(lib).join("/")}), not this checkout` : null;
    const lines = linesOf(relPath);
    const found2 = { ...base, file, relPath, installed, note };
    if (frame.source === null || lines === null) {
      out.push({ ...found2, status: "mapped" });
      continue;
    }
    const want = normalize(frame.source);
    if (normalize(lines[frame.line - 1] ?? "") === want) {
      out.push({ ...found2, status: "mapped" });
      continue;
    }
    const moved = nearestLine(lines, want, frame.line, window);
    if (moved !== null) {
      out.push({ ...found2, status: "moved", line: moved, note: joinNotes(note, `the checkout has this source at line ${moved}, not ${frame.line}`) });
    } else {
      out.push({ ...found2, status: "mismatch", note: joinNotes(note, `line ${frame.line} of the checkout's ${relPath} is not \`${frame.source}\``) });
    }
  }
  return out;
}
function joinNotes(a, b) {
  return a ? `${a}; ${b}` : b;
}
function normalize(line) {
  return line.trim().replace(/\s+/g, " ");
}
function nearestLine(lines, want, around, window) {
  for (let d = 1; d <= window; d++) {
    for (const l of [around - d, around + d]) {
      if (l >= 1 && l <= lines.length && normalize(lines[l - 1]) === want)
        return l;
    }
  }
  return null;
}
var LIBRARY_DIRS;
var init_map = __esm({
  "dist/traceback/map.js"() {
    "use strict";
    init_walk();
    init_fs_layer();
    LIBRARY_DIRS = /* @__PURE__ */ new Set(["site-packages", "dist-packages"]);
  }
});

// dist/traceback/analysis.js
function ownedBy(a, node, scope) {
  const fn = innermost(a.chainAt(node.startIndex), "function_definition", 0);
  if (scope.type !== "function_definition")
    return fn === null;
  return fn !== null && fn.startIndex === scope.startIndex && fn.endIndex === scope.endIndex;
}
function innermost(chain, type, skipLast) {
  for (let i = chain.length - 1 - skipLast; i >= 0; i--)
    if (chain[i].type === type)
      return chain[i];
  return null;
}
function parameterNames(fn) {
  const params = fn.childForFieldName("parameters");
  const out = [];
  for (const p of params?.namedChildren ?? []) {
    if (p.type === "identifier")
      out.push({ name: p.text, star: false });
    else if (p.type === "default_parameter" || p.type === "typed_default_parameter") {
      const name = p.childForFieldName("name");
      if (name)
        out.push({ name: name.text, star: false });
    } else if (p.type === "typed_parameter") {
      const inner = p.namedChildren[0];
      if (inner?.type === "identifier")
        out.push({ name: inner.text, star: false });
      else if (inner)
        out.push({ name: inner.text.replace(/^\*+/, ""), star: true });
    } else if (p.type === "list_splat_pattern" || p.type === "dictionary_splat_pattern") {
      out.push({ name: p.text.replace(/^\*+/, ""), star: true });
    }
  }
  return out;
}
var FileAnalysis;
var init_analysis = __esm({
  "dist/traceback/analysis.js"() {
    "use strict";
    init_patches();
    init_arguments();
    init_locate();
    init_names();
    init_parser();
    init_sites();
    FileAnalysis = class {
      file;
      relPath;
      text;
      tree;
      sites;
      syntaxError;
      lineStarts;
      constructor(file, relPath, text, patch = loadPatch()) {
        this.file = file;
        this.relPath = relPath;
        this.text = text;
        this.tree = parsePython(text);
        this.syntaxError = firstSyntaxError(this.tree);
        this.lineStarts = [0];
        for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1))
          this.lineStarts.push(i + 1);
        const callees = [patch.callee, ...patch.calleeAliases];
        const words = [...callees, ...patch.saveCallees];
        const names = new NameIndex(this.tree, text, words, calleeWords(words));
        this.sites = findSites(names, new Set(callees), patch.guard.function).map((site) => {
          const targets = assignedNames(site.chain).targets;
          return {
            site,
            line: site.node.startPosition.row + 1,
            column: site.node.startPosition.column + 1,
            targets,
            scope: innermost(site.chain, "function_definition", 1),
            klass: innermost(site.chain, "class_definition", 1),
            state: argumentState(site, patch.keyword, patch.value, patch.guard.function)
          };
        });
      }
      /** Root-first chain down to the deepest node at `index`. */
      chainAt(index) {
        return locate(this.tree, [index]).get(index) ?? [this.tree.rootNode];
      }
      /** Text index where 1-based `line` starts (clamped). */
      lineStart(line) {
        return this.lineStarts[Math.max(0, Math.min(this.lineStarts.length - 1, line - 1))];
      }
      /** Attribute nodes `X.<name>` whose attribute name sits on 1-based `line`. */
      attributeReads(line, name) {
        const row = line - 1;
        const out = [];
        for (const m of query("(attribute attribute: (identifier) @name) @read").matches(this.tree.rootNode, {
          startPosition: { row: Math.max(0, row - 50), column: 0 },
          endPosition: { row: row + 1, column: 0 }
        })) {
          const id = m.captures.find((c) => c.name === "name").node;
          if (id.text === name && id.startPosition.row === row)
            out.push(m.captures.find((c) => c.name === "read").node);
        }
        return out;
      }
      /** Calls that span 1-based `line`, innermost first. */
      callsSpanning(line) {
        const row = line - 1;
        const out = [];
        for (const { node } of query("(call) @call").captures(this.tree.rootNode, {
          startPosition: { row: Math.max(0, row - 200), column: 0 },
          endPosition: { row: row + 1, column: 0 }
        })) {
          if (node.startPosition.row <= row && node.endPosition.row >= row)
            out.push(node);
        }
        return out.sort((a, b) => a.endIndex - a.startIndex - (b.endIndex - b.startIndex));
      }
      /** Innermost function around `node` (null at module level) and its class, if it is a method. */
      functionAround(node) {
        const chain = this.chainAt(node.startIndex);
        return { fn: innermost(chain, "function_definition", 1), klass: innermost(chain, "class_definition", 1) };
      }
      /** Plain `left = right` assignments inside `scope` (not nested functions), compacted. */
      assignments(scope) {
        const out = [];
        for (const m of query("(assignment left: (_) @left right: (_) @right) @assign").matches(scope)) {
          const node = m.captures.find((c) => c.name === "assign").node;
          if (!ownedBy(this, node, scope))
            continue;
          out.push({ node, left: m.captures.find((c) => c.name === "left").node, right: m.captures.find((c) => c.name === "right").node });
        }
        return out;
      }
      /** Values of `return` statements directly inside `fn`. */
      returns(fn) {
        const out = [];
        for (const { node } of query("(return_statement) @ret").captures(fn)) {
          const value = node.namedChildren[0];
          if (value && ownedBy(this, node, fn))
            out.push({ node, value });
        }
        return out;
      }
      /** Function definitions named `name`: at module level, or methods of `klass` when given. */
      functionsNamed(name, klass) {
        const container = klass ? klass.childForFieldName("body") : this.tree.rootNode;
        if (!container)
          return [];
        const out = [];
        for (const child of container.namedChildren) {
          const def = child.type === "decorated_definition" ? child.childForFieldName("definition") : child;
          if (def?.type === "function_definition" && def.childForFieldName("name")?.text === name)
            out.push(def);
        }
        return out;
      }
      /** What `from X import name [as alias]` binds `alias` to: [module (dots kept for relative), name], or null. */
      importOf(local) {
        for (const { node } of query("(import_from_statement) @imp").captures(this.tree.rootNode)) {
          const moduleNode = node.childForFieldName("module_name");
          if (!moduleNode)
            continue;
          for (const child of node.namedChildren) {
            if (child.startIndex === moduleNode.startIndex)
              continue;
            if (child.type === "dotted_name" && child.text === local)
              return { module: compact(moduleNode), name: local };
            if (child.type === "aliased_import" && child.childForFieldName("alias")?.text === local) {
              return { module: compact(moduleNode), name: child.childForFieldName("name")?.text ?? local };
            }
          }
        }
        return null;
      }
    };
  }
});

// dist/traceback/trace.js
import path22 from "node:path";
function resolve(ctx, a, frameIndex, holder, use, via, depth) {
  if (depth > ctx.maxDepth)
    return [];
  const { fn, klass } = a.functionAround(use);
  const scope = fn ?? a.tree.rootNode;
  const names = origins(a, scope, holderForms(holder));
  const direct = a.sites.filter((s) => s.targets.some((t) => names.has(t)) && visibleFrom(s, fn, klass, use));
  if (direct.length) {
    const before = direct.filter((s) => s.site.node.startIndex < use.startIndex && sameScope(s.scope, fn));
    return (before.length ? before : direct).map((info) => ({ info, analysis: a, via }));
  }
  const rootName = holder.split(".")[0];
  const rest = holder.slice(rootName.length);
  if (fn) {
    const params = parameterNames(fn);
    const at = params.findIndex((p) => p.name === rootName);
    if (at >= 0 && !params[at].star && frameIndex > 0) {
      const caller = ctx.frames[frameIndex - 1];
      const fnName = fn.childForFieldName("name")?.text ?? "";
      if (isInCheckout(caller)) {
        const ca = analyse2(ctx, caller.file, caller.relPath);
        const call = ca?.callsSpanning(caller.line).find((c) => lastName2(c.childForFieldName("function")) === fnName);
        if (ca && call) {
          const isMethod = !!klass && ["self", "cls"].includes(params[0]?.name ?? "") && call.childForFieldName("function")?.type === "attribute";
          const arg = argumentFor(call, rootName, at - (isMethod ? 1 : 0));
          if (arg) {
            const hop = `passed as '${rootName}' to ${fnName} at ${caller.relPath}:${caller.line}`;
            return resolve(ctx, ca, frameIndex - 1, compact(arg) + rest, call, [...via, hop], depth + 1);
          }
        }
      }
    }
  }
  for (const { left, right, node } of a.assignments(scope)) {
    if (node.startIndex > use.startIndex || right.type !== "call")
      continue;
    const position = bindingPosition(left, names);
    if (position === null)
      continue;
    const callee = right.childForFieldName("function");
    const defs = definitionsOf(ctx, a, callee, klass);
    for (const { analysis: da, def } of defs) {
      const out = [];
      const name = def.childForFieldName("name")?.text ?? "?";
      const hop = `returned by ${name} (${da.relPath}:${def.startPosition.row + 1})`;
      for (const { value, node: ret } of da.returns(def)) {
        const picked = position < 0 ? value : value.type === "expression_list" || value.type === "tuple" ? value.namedChildren[position] : null;
        if (!picked)
          continue;
        const returnedSite = da.sites.find((s) => s.site.node.startIndex === unparen(picked).startIndex && s.site.form === "call");
        if (returnedSite)
          out.push({ info: returnedSite, analysis: da, via: [...via, hop] });
        else if (picked.type === "identifier" || picked.type === "attribute") {
          out.push(...resolve(ctx, da, -1, compact(picked) + rest, ret, [...via, hop], depth + 1));
        }
      }
      if (out.length)
        return out;
    }
  }
  const method = holder.match(/\.([A-Za-z_]\w*)$/)?.[1];
  if (method) {
    const decorated = a.sites.filter((s) => s.site.form === "decorator" && s.site.decorated?.childForFieldName("name")?.text === method);
    if (decorated.length)
      return decorated.map((info) => ({ info, analysis: a, via: [...via, `decorates ${method}`] }));
  }
  return [];
}
function holderForms(holder) {
  const owner = forwardOwner(holder);
  return owner === null ? [holder] : [holder, owner];
}
function origins(a, scope, start) {
  const names = new Set(start);
  const pairs = a.assignments(scope).filter(({ left, right }) => isName(left) && isName(right)).map(({ left, right }) => [compact(left), compact(right)]);
  for (let changed = true; changed; ) {
    changed = false;
    for (const [left, right] of pairs) {
      if (names.has(left) && !names.has(right)) {
        names.add(right);
        changed = true;
      }
    }
  }
  return names;
}
function sameScope(a, b) {
  if (a === null || b === null)
    return a === b;
  return a.startIndex === b.startIndex && a.endIndex === b.endIndex;
}
function visibleFrom(s, fn, klass, use) {
  if (sameScope(s.scope, fn))
    return true;
  if (s.targets.some((t) => t.startsWith("self.")) && klass && s.klass && sameScope(s.klass, klass))
    return true;
  return s.scope === null && s.site.node.startIndex < use.startIndex;
}
function bindingPosition(left, names) {
  if (isName(left))
    return names.has(compact(left)) ? -1 : null;
  if (left.type === "pattern_list" || left.type === "tuple_pattern" || left.type === "tuple") {
    const at = left.namedChildren.findIndex((c) => isName(c) && names.has(compact(c)));
    return at >= 0 ? at : null;
  }
  return null;
}
function unparen(n) {
  let node = n;
  while (node.type === "parenthesized_expression" && node.namedChildren[0])
    node = node.namedChildren[0];
  return node;
}
function lastName2(fn) {
  if (!fn)
    return null;
  if (fn.type === "identifier")
    return fn.text;
  if (fn.type === "attribute")
    return fn.childForFieldName("attribute")?.text ?? null;
  return null;
}
function argumentFor(call, name, index) {
  const args = call.childForFieldName("arguments")?.namedChildren ?? [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" && arg.childForFieldName("name")?.text === name)
      return arg.childForFieldName("value");
  }
  const positional = [];
  for (const arg of args) {
    if (arg.type === "keyword_argument" || arg.type === "dictionary_splat")
      break;
    if (arg.type === "list_splat")
      return null;
    positional.push(arg);
  }
  return index >= 0 ? positional[index] ?? null : null;
}
function definitionsOf(ctx, a, callee, klass) {
  if (!callee)
    return [];
  if (callee.type === "attribute") {
    const object = callee.childForFieldName("object")?.text;
    const name = callee.childForFieldName("attribute")?.text;
    if (name && (object === "self" || object === "cls") && klass)
      return a.functionsNamed(name, klass).map((def) => ({ analysis: a, def }));
    return [];
  }
  if (callee.type !== "identifier")
    return [];
  const local = a.functionsNamed(callee.text, null);
  if (local.length)
    return local.map((def) => ({ analysis: a, def }));
  const imported = a.importOf(callee.text);
  if (!imported)
    return [];
  for (const rel of moduleFiles(a.relPath, imported.module)) {
    const other = analyse2(ctx, path22.join(ctx.root, ...rel.split("/")), rel);
    if (other) {
      const defs = other.functionsNamed(imported.name, null);
      if (defs.length)
        return defs.map((def) => ({ analysis: other, def }));
    }
  }
  return [];
}
function moduleFiles(fromRel, module) {
  const dots = /^\.+/.exec(module)?.[0].length ?? 0;
  const parts = module.slice(dots).split(".").filter(Boolean);
  const bases = [];
  if (dots > 0) {
    const dir = fromRel.split("/").slice(0, -1);
    bases.push(dir.slice(0, Math.max(0, dir.length - (dots - 1))));
  } else {
    const dir = fromRel.split("/").slice(0, -1);
    for (let i = 0; i <= dir.length; i++)
      bases.push(dir.slice(0, i));
  }
  const out = [];
  for (const b of bases) {
    const stem = [...b, ...parts].join("/");
    if (stem)
      out.push(`${stem}.py`, `${stem}/__init__.py`);
  }
  return out;
}
function analyse2(ctx, file, relPath) {
  if (!ctx.cache.has(file)) {
    const text = readSourceText(file);
    ctx.cache.set(file, text === null ? null : build(file, relPath, text));
  }
  return ctx.cache.get(file);
}
function build(file, relPath, text) {
  const analysis = new FileAnalysis(file, relPath, text, loadPatch());
  return analysis.syntaxError ? null : analysis;
}
function dedupe(found2) {
  const seen = /* @__PURE__ */ new Set();
  return found2.filter((f) => {
    const key = `${f.analysis.file}:${f.info.site.node.startIndex}`;
    if (seen.has(key))
      return false;
    seen.add(key);
    return true;
  });
}
var isInCheckout, isName;
var init_trace = __esm({
  "dist/traceback/trace.js"() {
    "use strict";
    init_fs_layer();
    init_patches();
    init_locate();
    init_analysis();
    isInCheckout = (m) => !!m && (m.status === "mapped" || m.status === "moved") && m.file !== null && m.relPath !== null;
    isName = (n) => n.type === "identifier" || n.type === "attribute";
  }
});

// dist/traceback/plan.js
import { realpathSync } from "node:fs";
import path23 from "node:path";
async function planFromTraceback(parsed, root, options = {}) {
  const absRoot = realpathOr(path23.resolve(root));
  const base = {
    status: "no-traceback",
    exception: parsed.exception,
    attribute: parsed.sot?.attribute ?? null,
    frames: [],
    failing: null,
    sites: [],
    force: /* @__PURE__ */ new Map(),
    messages: []
  };
  if (parsed.blocks.length === 0 || parsed.frames.length === 0 && !parsed.exception) {
    return { ...base, messages: ['No Python traceback found (no "Traceback (most recent call last):" block); nothing changed.'] };
  }
  if (!parsed.sot) {
    const final = parsed.finalException ?? parsed.exception;
    return {
      ...base,
      status: "other-error",
      messages: [
        `The traceback ends in ${describeException(final)}: not the error this tool fixes ("RuntimeError: Can't call <attribute> when full_graph=False"); nothing changed.`
      ]
    };
  }
  const messages = [];
  if (!parsed.sot.known)
    messages.push(`note: '${parsed.sot.attribute}' is not among the attributes SOT is known to refuse; tracing it anyway.`);
  if (parsed.finalException && parsed.exception && parsed.finalException.textLine !== parsed.exception.textLine) {
    messages.push(`note: the text ends in ${describeException(parsed.finalException)}, raised while handling the full_graph error; tracing the full_graph error.`);
  }
  const frames = await mapFrames(parsed.frames, absRoot, options);
  const plan = { ...base, frames, status: "unmapped", messages };
  for (const f of frames) {
    if (f.status === "moved" || f.status === "mismatch" || f.status === "ambiguous" || f.installed) {
      messages.push(`note: ${f.frame.file}:${f.frame.line}: ${f.note}`);
    }
  }
  const failingIndex = lastIndexWhere(frames, (f) => isInCheckout(f) || f.status === "mismatch" || f.status === "ambiguous");
  if (failingIndex < 0) {
    messages.push(`None of the traceback's ${frames.length} frames is a file under ${absRoot} (${describeFrames(frames)}); run it with the checkout the export ran from; nothing changed.`);
    return plan;
  }
  const deepest = frames[failingIndex];
  if (!isInCheckout(deepest)) {
    messages.push(`The error surfaced at ${deepest.frame.file}:${deepest.frame.line}, which does not match this checkout (${deepest.note}); run it with the checkout the export ran from; nothing changed.`);
    return plan;
  }
  const failing = deepest;
  plan.failing = failing;
  const ctx = { root: absRoot, frames, cache: /* @__PURE__ */ new Map(), maxDepth: options.maxDepth ?? 8 };
  const analysis = analyse2(ctx, failing.file, failing.relPath);
  const where2 = `${failing.relPath}:${failing.line}`;
  if (!analysis) {
    messages.push(`${where2} cannot be read or parsed; nothing changed.`);
    return { ...plan, status: "not-traced" };
  }
  const attribute = parsed.sot.attribute;
  const reads = analysis.attributeReads(failing.line, attribute);
  let found2 = [];
  let what;
  if (reads.length > 0) {
    what = `reads its result`;
    for (const read of reads) {
      const object = read.childForFieldName("object");
      if (object)
        found2.push(...resolve(ctx, analysis, failingIndex, compact(object), read, [], 0));
    }
  } else {
    what = `hands its result to paddle, which reads .${attribute}`;
    for (const call of analysis.callsSpanning(failing.line)) {
      for (const arg of call.childForFieldName("arguments")?.namedChildren ?? []) {
        const value = arg.type === "keyword_argument" ? arg.childForFieldName("value") : arg;
        if (value && (value.type === "identifier" || value.type === "attribute")) {
          found2.push(...resolve(ctx, analysis, failingIndex, compact(value), call, [], 0));
        }
      }
      if (found2.length)
        break;
    }
  }
  found2 = dedupe(found2);
  if (found2.length === 0) {
    const shown = failing.frame.source ? ` (\`${failing.frame.source}\`)` : "";
    messages.push(`The error surfaced at ${where2} in ${failing.frame.function}${shown}, but the paddle.jit.to_static call that produced the object could not be traced from there; nothing changed. Run with --all, or pass full_graph=True at that call by hand.`);
    return { ...plan, status: "not-traced" };
  }
  const errorName = parsed.exception?.type.split(".").pop() ?? "RuntimeError";
  for (const f of found2) {
    const via = f.via.length ? ` (${f.via.join("; ")})` : "";
    const reason = `the traceback's ${errorName} at ${where2} ${what}${via}`;
    const site = {
      file: f.analysis.file,
      relPath: f.analysis.relPath,
      line: f.info.line,
      column: f.info.column,
      callee: f.info.site.calleeNode.text,
      reason,
      state: f.info.state.kind
    };
    plan.sites.push(site);
    let perFile = plan.force.get(site.file);
    if (!perFile)
      plan.force.set(site.file, perFile = /* @__PURE__ */ new Map());
    perFile.set(site.line, reason);
    const already = f.info.state.kind === "open" ? "" : ` \u2014 ${f.info.state.reason}; left alone`;
    messages.push(`${site.relPath}:${site.line}:${site.column}  ${site.callee}(...) produced the object: ${reason}${already}`);
  }
  if (plan.sites.every((site) => site.state !== "open")) {
    messages.push("Every call the traceback leads to already passes full_graph (or needs review), so this checkout is not what failed: check the notes above (an installed copy, another checkout) and run the export from this checkout.");
  }
  plan.status = "planned";
  return plan;
}
function realpathOr(p) {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}
function lastIndexWhere(list, test) {
  for (let i = list.length - 1; i >= 0; i--)
    if (test(list[i]))
      return i;
  return -1;
}
function describeFrames(frames) {
  const counts = /* @__PURE__ */ new Map();
  for (const f of frames)
    counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n} ${k}`).join(", ");
}
var init_plan = __esm({
  "dist/traceback/plan.js"() {
    "use strict";
    init_locate();
    init_map();
    init_parse();
    init_trace();
  }
});

// dist/traceback/summary.js
import path24 from "node:path";
async function planFromTracebackText(text, root, options = {}) {
  return planFromTraceback(parseTraceback(text), root, options);
}
function tracebackExitCode(plan) {
  return plan.status === "planned" && plan.sites.some((s) => s.state === "open") ? 0 : 2;
}
function formatTracebackPlan(plan, cwd = process.cwd()) {
  const lines = [];
  if (plan.failing && plan.attribute) {
    const shown = path24.relative(cwd, plan.failing.file) || plan.failing.relPath;
    lines.push(`Traceback: RuntimeError (SOT refused .${plan.attribute}) surfaced at ${shown}:${plan.failing.line} in ${plan.failing.frame.function}.`);
  }
  lines.push(...plan.messages);
  return lines;
}
var init_summary = __esm({
  "dist/traceback/summary.js"() {
    "use strict";
    init_parse();
    init_plan();
  }
});

// dist/traceback/index.js
var init_traceback = __esm({
  "dist/traceback/index.js"() {
    "use strict";
    init_parse();
    init_map();
    init_plan();
    init_summary();
  }
});

// dist/cli/stdin.js
var stdin_exports = {};
__export(stdin_exports, {
  readStdin: () => readStdin,
  runStdin: () => runStdin
});
async function runStdin(paths, mode, opts, signal, term) {
  if (paths.length > 1)
    throw new UserError("`-` (standard input) cannot be combined with other paths");
  const name = opts.stdinFilename ?? "stdin.py";
  const input = await readStdin(signal);
  if (input === null || signal.aborted)
    return interrupted(null, signal.reason);
  const result2 = opts.revert ? revertBytes(input) : fixBytes(input, {
    path: name,
    all: opts.all,
    style: opts.style,
    bareKeyword: bareKeywordPolicy(null, Boolean(opts.guardBareKeyword)),
    overrideFullGraphFalse: opts.fixFullGraphFalse,
    // An editor names the file it pipes: its project's formatter config applies.
    lineStyle: () => opts.stdinFilename && opts.wrap !== false ? new LineStyles().forFile(opts.stdinFilename) : null
  });
  const pending = result2.status === "changed";
  if (mode === "write")
    process.stdout.write(result2.bytes);
  const diff = diffPaths(process.cwd(), [name]);
  if (mode === "dry-run" && pending)
    process.stdout.write(colorDiff(unifiedDiff(diff.of(name), result2.before, result2.after), term.colors("stdout")));
  const report = reportForSource(name, mode, result2, Boolean(opts.revert));
  if (opts.json || opts.format === "json")
    process.stderr.write(`${formatJsonReport(report)}
`);
  else if (opts.quiet)
    printErrors(report);
  else
    process.stderr.write(`${formatTextReport(report, term.color("stderr")).join("\n")}
`);
  if (mode === "dry-run" && pending && !diff.fromCwd && !opts.quiet)
    process.stderr.write(`paddle-fullgraph-fix: ${diffRootNote(diff.root)}
`);
  return exitCode(report, Boolean(opts.check));
}
async function readStdin(signal) {
  const chunks = [];
  const aborted = new Promise((resolve2) => signal.addEventListener("abort", () => resolve2(null), { once: true }));
  const read = (async () => {
    for await (const chunk of process.stdin)
      chunks.push(chunk);
    return Buffer.concat(chunks);
  })();
  const input = await Promise.race([read, aborted]);
  if (input === null)
    process.stdin.destroy();
  return input;
}
var init_stdin = __esm({
  "dist/cli/stdin.js"() {
    "use strict";
    init_engine();
    init_model();
    init_line_style();
    init_fix_bytes();
    init_diff();
    init_json();
    init_text();
    init_output();
  }
});

// dist/cli/traceback.js
var traceback_exports = {};
__export(traceback_exports, {
  runFromTraceback: () => runFromTraceback
});
import { readFile, stat as stat3 } from "node:fs/promises";
async function runFromTraceback(paths, mode, format, opts, signal, term) {
  if (opts.revert)
    throw new UserError("--from-traceback and --revert cannot be combined");
  if (paths.length > 1 || paths[0] === "-")
    throw new UserError("--from-traceback takes one checkout root (default .)");
  const root = paths[0];
  const rootStat = await stat3(root).catch(() => null);
  if (!rootStat?.isDirectory())
    throw new MissingPathError(`${root}: no such directory`);
  const text = opts.fromTraceback === "-" ? await readStdin(signal) : await readFile(opts.fromTraceback).catch(() => null);
  if (text === null)
    throw new MissingPathError(`${opts.fromTraceback}: cannot read the traceback`);
  const plan = await planFromTracebackText(text.toString("utf8"), root);
  const failed = tracebackExitCode(plan) === EXIT.error;
  if (!opts.quiet || failed)
    process.stderr.write(`${formatTracebackPlan(plan).join("\n")}
`);
  const traceback = {
    status: plan.status,
    attribute: plan.attribute,
    failing: plan.failing && { path: plan.failing.relPath, line: plan.failing.line, function: plan.failing.frame.function },
    sites: plan.sites.map(({ relPath, line, column, callee, reason, state }) => ({ path: relPath, line, column, callee, reason, state })),
    messages: plan.messages
  };
  if (failed) {
    if (format === "json")
      process.stdout.write(`${JSON.stringify({ version: 1, tool: toolInfo(), mode, traceback, files: [] }, null, 2)}
`);
    return EXIT.error;
  }
  const environment = opts.detect ? await detect([root], opts) : void 0;
  if (opts.style === "plain")
    refusePlainUnlessSupported(environment ?? null);
  const report = await fixPaths([...plan.force.keys()], {
    mode,
    all: opts.all,
    style: opts.style,
    environment,
    guardBareKeywords: opts.guardBareKeyword,
    fixFullGraphFalse: opts.fixFullGraphFalse,
    wrap: opts.wrap,
    signal,
    force: plan.force
  });
  print(report, format, term, { traceback }, opts.quiet);
  if (signal.aborted)
    return interrupted(report, signal.reason);
  return exitCode(report, Boolean(opts.check));
}
var init_traceback2 = __esm({
  "dist/cli/traceback.js"() {
    "use strict";
    init_engine();
    init_walk();
    init_traceback();
    init_options();
    init_output();
    init_stdin();
    init_model();
    init_package_root();
  }
});

// dist/cli/main.js
init_engine();
init_package_root();
init_options();
init_output();
init_words();
import { Command, CommanderError, Option as Option2 } from "commander";
import path25 from "node:path";

// dist/report/hints.js
init_layout();
init_doctor();
init_words();
import path19 from "node:path";
function emptyRunHints(report, environment, ctx) {
  if (report.interrupted)
    return [];
  const s = report.summary;
  if (s.files === 0) {
    const excluded = filesAndFolders(s.excludedFiles, s.excludedFolders);
    if (excluded) {
      const ignored = ignoredNote(s);
      return [
        `--exclude left nothing to scan in ${ctx.paths.join(", ")}: it skipped ${excluded}${ignored ? `, and ${ignored}` : ""}. A pattern without a slash matches a name at any depth, one with a slash the path below each folder given, one starting with ./ or ../ (or /) a path from here; see --help`
      ];
    }
    return [`no Python file was scanned in ${ctx.paths.join(", ")} (check the paths, --exclude patterns and ignore rules; --no-ignore includes ignored files)`];
  }
  const sites = report.files.reduce((n, f) => n + f.sites.length, 0);
  const toolkit = environment?.paddledetection;
  if (sites > 0 || ctx.files.length === 0 || ctx.files.length !== ctx.paths.length || !toolkit || toolkit.kind === "none" || !toolkit.base)
    return [];
  const name = toolkit.toolkit ?? TOOLKITS[toolkit.kind].name;
  const root = path19.relative(ctx.cwd, toolkit.base) || ".";
  const where2 = toolkit.kind === "paddledetection" || toolkit.kind === "rtdetr" ? " (ppdet/engine/trainer.py and its siblings)" : "";
  return [
    `${ctx.files.join(", ")} ${ctx.files.length === 1 ? "holds" : "hold"} no paddle.jit.to_static call; ${name}'s export calls live in its ${TOOLKITS[toolkit.kind].pkg}/ package${where2}: run on the checkout root: ${ctx.command} ${shellQuote(root)}`
  ];
}

// dist/cli/main.js
init_terminal();
init_progress();
import { stat as stat4 } from "node:fs/promises";
import { setImmediate as turn2 } from "node:timers/promises";
var readme = () => path25.join(packageRoot(), "README.md");
var mainHelp = () => `
Examples:
  paddle-fullgraph-fix --diff ./PaddleDetection    show the fix as a diff; write nothing
  paddle-fullgraph-fix ./PaddleDetection           fix in place
  paddle-fullgraph-fix --check .                   CI gate: exit 1 while a fix is pending
  paddle-fullgraph-fix --revert .                  remove what this tool added
  paddle-fullgraph-fix - < export.py > fixed.py    fix one source on stdin
  paddle-fullgraph-fix doctor                      one screen: Paddle, toolkit, unfixed sites

Exit codes:
  0    done, or nothing to do (also --dry-run/--diff)
  1    --check found pending fixes, or a full_graph=False call reads the program
  2    bad usage, a fatal error, or some files could not be handled
  130  interrupted (SIGINT; 143 for SIGTERM)

More: the README, ${readme()}
`;
var doctorHelp = () => `
Examples:
  paddle-fullgraph-fix doctor                      this checkout, Paddle read from the active Python
  paddle-fullgraph-fix doctor --paddle-version 3.0 ./PaddleDetection

Exit codes:
  0    clean: nothing needs doing
  1    something needs doing (the screen says what, and the command that does it)
  2    bad usage or a missing root

More: the README's section doctor, ${readme()}
`;
function parserError(text) {
  const line = text.trim().replace(/^error: /, "").replace(/\s*\n\((Did you mean .*)\)$/s, (_m, hint) => ` (${hint[0].toLowerCase()}${hint.slice(1)})`);
  return `${line.split("\n").map((l) => `paddle-fullgraph-fix: ${l}`).join("\n")}
`;
}
function program(done) {
  const cmd = new Command("paddle-fullgraph-fix").description("Add a version-guarded full_graph=True to paddle.jit.to_static export calls (Paddle 2.6+ export fix).").argument("[paths...]", "files or directories to fix (default: .); - reads source on stdin").option("--dry-run", "print a unified diff of the fixes; write nothing").addOption(new Option2("--diff", "same as --dry-run (ruff's and black's name)").implies({ dryRun: true })).option("--check", "write nothing; exit 1 when a fix is pending").option("--revert", "remove what this tool added (guard block, keywords, re-wrapping): right after a fix, the original bytes; the report names a file where a later edit prevents that. With --dry-run show the diff, with --check exit 1 if anything would be reverted").option("--all", "also fix sites outside export paths (training-time conversions)").option("--force-exclude", "apply --exclude to the files and folders named on the command line too").addOption(new Option2("--format <format>", "report format").choices(["text", "json", "github"]).default("text")).option("--json", "print the report as JSON on stdout (same as --format json)").option("--stdin-filename <path>", "with `-`: the path the source on stdin stands for").option("-q, --quiet", "print errors only (the diff of --dry-run, and JSON or github output, still)").option("--no-color", "never colour the output (NO_COLOR is respected too)").addOption(new Option2("--style <style>", "guarded: through a version guard; plain: a bare full_graph=True (Paddle 2.5+ only)").choices(["guarded", "plain"]).default("guarded")).option("--guard-bare-keyword", "also guard upstream's bare full_graph=True where the Paddle in use is unknown or accepts it (by default only where it rejects it: before 2.5)").option("--fix-full-graph-false", "also change full_graph=False to True where the call's program is read (it raises on Paddle 2.6+ as written)").option("--no-wrap", "never re-wrap a call for the project's formatter (by default a keyword that would make a line too long for it goes where it would put it)").option("--from-traceback <file>", "fix the to_static calls behind a pasted traceback's full_graph RuntimeError (- reads stdin); the path argument is the checkout root").version(packageVersion(), "-V, --version").enablePositionalOptions().showSuggestionAfterError().exitOverride().configureOutput({ writeErr: (s) => process.stderr.write(s), outputError: (s, write) => write(parserError(s)) }).helpCommand("help [command]", "show the help for the tool or a command").addHelpText("after", mainHelp).hook("preAction", (_program, action) => refuseContradictions(action)).hook("preSubcommand", refuseOptionsBefore);
  detectionOptions(walkOptions(cmd)).action((paths, opts) => done(fix(paths.length ? paths : ["."], opts)));
  const doctor = cmd.command("doctor").summary("one screen: installed Paddle and toolkit, whether the export fails, unfixed sites, the command that fixes them").description("Which Paddle and toolkit are installed, whether the export will hit the full_graph error, which sites are unfixed, and the command that fixes them.").argument("[root]", "the checkout", ".").option("--json", "print the diagnosis as JSON").addHelpText("after", doctorHelp);
  detectionOptions(walkOptions(doctor)).action(async (root, opts) => {
    done((await Promise.resolve().then(() => (init_doctor2(), doctor_exports))).runDoctor(root, opts));
  });
  return cmd;
}
function commandLine() {
  return program(() => {
  });
}
async function main(argv) {
  let outcome = Promise.resolve(EXIT.ok);
  try {
    await program((code) => outcome = code).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? EXIT.ok : EXIT.error;
    }
    throw error;
  }
  return outcome;
}
async function fix(paths, opts) {
  const mode = opts.dryRun ? "dry-run" : opts.check ? "check" : "write";
  const format = opts.json ? "json" : opts.format;
  const term = terminal({ color: opts.color, quiet: opts.quiet, json: format === "json" });
  const controller = new AbortController();
  const onSignal = (signal) => {
    if (!controller.signal.aborted)
      controller.abort(signal);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    if (opts.fromTraceback !== void 0) {
      const { runFromTraceback: runFromTraceback2 } = await Promise.resolve().then(() => (init_traceback2(), traceback_exports));
      return await runFromTraceback2(paths, mode, format, opts, controller.signal, term);
    }
    if (paths.includes("-"))
      return (await Promise.resolve().then(() => (init_stdin(), stdin_exports))).runStdin(paths, mode, opts, controller.signal, term);
    const installedModule = opts.installed ? await Promise.resolve().then(() => (init_installed3(), installed_exports)) : null;
    const installed = installedModule ? await installedModule.installedTarget(opts) : null;
    if (installed)
      paths = installed.folders;
    if (!opts.quiet)
      for (const warning of await excludeWarnings(paths, opts.exclude))
        process.stderr.write(`paddle-fullgraph-fix: ${warning}
`);
    const wantsDetect = !opts.revert && opts.detect;
    const detecting = wantsDetect ? installed ? Promise.resolve(installed.environment) : detect(paths, opts) : void 0;
    let failedEarly = false;
    detecting?.catch(() => failedEarly = true);
    if (detecting)
      await turn2();
    if (failedEarly)
      await detecting;
    const plainGate = opts.style === "plain" && !opts.revert ? refusePlainUnlessSupported : void 0;
    const progress = progressLine(term.progress, term.progressAfterMs);
    const fixed = await fixPaths(paths, {
      beforeWrite: plainGate,
      mode,
      revert: opts.revert,
      all: opts.all,
      style: opts.style,
      guardBareKeywords: opts.guardBareKeyword,
      fixFullGraphFalse: opts.fixFullGraphFalse,
      wrap: opts.wrap,
      exclude: opts.exclude,
      forceExclude: opts.forceExclude,
      noIgnore: noIgnore(opts),
      environment: detecting,
      signal: controller.signal,
      onProgress: term.progress ? progress.update : void 0
    }).finally(progress.stop);
    const report = installed ? await installedModule.withRecordCheck(fixed, installed.installed) : fixed;
    const environment = report.environment ?? void 0;
    plainGate?.(environment ?? null);
    print(report, format, term, {}, opts.quiet);
    if (controller.signal.aborted)
      return interrupted(report, controller.signal.reason);
    const files = (await Promise.all(paths.map((p) => stat4(p).then((s) => s.isFile() ? p : null, () => null)))).filter((p) => p !== null);
    const hints = opts.quiet ? [] : emptyRunHints(report, environment, { paths, files, cwd: process.cwd(), command: invokedCommand() });
    const unwritable = installed && !opts.quiet ? installedModule.unwritableHint(report, installed.installed) : null;
    for (const hint of [...hints, ...unwritable ? [unwritable] : []])
      process.stderr.write(`paddle-fullgraph-fix: ${hint}
`);
    if (report.summary.errors) {
      const n = report.summary.errors;
      process.stderr.write(`paddle-fullgraph-fix: completed with errors (${plural(n, "file")} could not be handled; see above)
`);
    }
    return exitCode(report, Boolean(opts.check));
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
async function run(argv) {
  try {
    process.exitCode = await main(argv);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`paddle-fullgraph-fix: ${message}
`);
    process.exitCode = EXIT.error;
  }
}
export {
  commandLine,
  main,
  run
};
