/**
 * Runtime proof for the export flows the classifier follows beyond a plain
 * `paddle.jit.to_static(...)` (fixtures/cases/export-flows and
 * decorated-instance-saved): module and function aliases, functools.partial,
 * a helper that returns the converted model, in-place conversion, and a
 * decorated forward whose instance is saved. Each runs with python3 against
 * the stand-in paddle of each release: the fixed code (expected.py) converts
 * whole-graph everywhere and the helper's program read works; the unfixed
 * input converts with SOT on 2.6+ and the read raises.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "../helpers/cli.js";
import { disposeFakePaddles, fakePaddlePath, sotErrorText } from "../helpers/fake-paddle.js";
import { runPython } from "../helpers/run-python.js";
import { tempDir } from "../helpers/temp.js";

const RELEASES = ["2.4", "2.5", "2.6", "3.0"];
const FLOWS = ["save_via_module_alias", "save_via_function_alias", "save_via_partial", "save_in_place", "read_via_helper"];

// Loads a fixture module by path and runs each named flow on a tiny Layer,
// printing how each saved model was converted (or that the read worked).
const DRIVER = `
import importlib.util, os, sys, tempfile
import paddle

spec = importlib.util.spec_from_file_location("flows", sys.argv[1])
flows = importlib.util.module_from_spec(spec)
spec.loader.exec_module(flows)


class Net(paddle.nn.Layer):
    def forward(self, x):
        return x


out = tempfile.mkdtemp()
for name in sys.argv[2:]:
    path = os.path.join(out, name, "model")
    try:
        if name == "read_via_helper":
            flows.read_via_helper(Net())
            print(name, "read")
            continue
        if name == "export_tiny":
            flows.export_tiny(path)
        else:
            getattr(flows, name)(Net(), path)
        with open(path + ".pdmodel") as f:
            print(name, [l for l in f.read().splitlines() if l.startswith("converted:")][0])
    except Exception as e:
        print(name, "raised", type(e).__name__ + ":", str(e).splitlines()[0])
`;

let driver: string;
const results = new Map<string, string>();

async function run(release: string, fixture: string, tree: "input" | "expected", flows: string[]): Promise<void> {
  const r = await runPython({
    cwd: path.dirname(driver),
    args: [driver, path.join(ROOT, "fixtures/cases", fixture, `${tree}.py`), ...flows],
    pythonPath: [await fakePaddlePath(release)],
  });
  for (const line of r.stdout.trim().split("\n")) {
    const [flow, ...rest] = line.split(" ");
    results.set(`${release}|${fixture}|${tree}|${flow}`, rest.join(" "));
  }
  if (r.code !== 0) results.set(`${release}|${fixture}|${tree}|exit`, r.stderr);
}

beforeAll(async () => {
  const dir = tempDir("pfgf-flows-");
  driver = path.join(dir, "driver.py");
  writeFileSync(driver, DRIVER);
  const jobs: Promise<void>[] = [];
  for (const release of RELEASES) {
    for (const tree of ["input", "expected"] as const) {
      jobs.push(run(release, "export-flows", tree, FLOWS));
      jobs.push(run(release, "decorated-instance-saved", tree, ["export_tiny"]));
    }
  }
  await Promise.all(jobs);
}, 120_000);

afterAll(disposeFakePaddles);

const sot = (release: string) => release === "2.6" || release === "3.0";
const get = (release: string, fixture: string, tree: string, flow: string) => results.get(`${release}|${fixture}|${tree}|${flow}`);

describe.each(RELEASES)("paddle %s", (release) => {
  it.each(FLOWS.filter((f) => f !== "read_via_helper"))("%s: fixed converts whole-graph; unfixed converts with SOT on 2.6+", (flow) => {
    expect(get(release, "export-flows", "expected", flow)).toBe("converted: whole-graph");
    expect(get(release, "export-flows", "input", flow)).toBe(sot(release) ? "converted: sot" : "converted: whole-graph");
  });

  it("read_via_helper: the fixed helper's program can be read; unfixed, the read raises on 2.6+", () => {
    expect(get(release, "export-flows", "expected", "read_via_helper")).toBe("read");
    if (sot(release)) expect(get(release, "export-flows", "input", "read_via_helper")).toBe(`raised RuntimeError: ${sotErrorText("main_program")}`);
    else expect(get(release, "export-flows", "input", "read_via_helper")).toBe("read");
  });

  it("a decorated forward whose instance is saved: whole-graph once fixed", () => {
    expect(get(release, "decorated-instance-saved", "expected", "export_tiny")).toBe("converted: whole-graph");
    expect(get(release, "decorated-instance-saved", "input", "export_tiny")).toBe(sot(release) ? "converted: sot" : "converted: whole-graph");
  });
});
