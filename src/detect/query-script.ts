/**
 * The inline program the interpreter runs (`python -I -S -c QUERY_SCRIPT`).
 *
 * It reads distribution metadata only: it never imports paddle or ppdet, and
 * with -I -S no sitecustomize/usercustomize and no .pth `import` line runs.
 * Because -S skips the site set-up, it computes the site directories itself
 * (reading pyvenv.cfg; site.venv() is not called, as it would process .pth
 * files) and follows the path lines of .pth files without executing anything, so eggs and `setup.py develop` checkouts are
 * found. Syntax stays Python 3.5-compatible: on an interpreter without
 * importlib.metadata (< 3.8) it still prints the site directories, with
 * "dists": null, and the caller scans them itself.
 */
export const QUERY_MARKER = "paddle-fullgraph-fix/query/1";

export const QUERY_SCRIPT = String.raw`
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
