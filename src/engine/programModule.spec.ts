import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { forgetProgramModules, runProgramModule } from "./programModule";

describe("runProgramModule", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "program-module-"));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("forgets the program and the modules beside it, but not its node_modules or other folders", () => {
    const cache: NodeJS.Dict<unknown> = {
      "/p/index.js": 1,
      "/p/lib/util.js": 2,
      "/p/node_modules/x/index.js": 3,
      "/other/index.js": 4,
    };
    forgetProgramModules("/p/index.js", cache);
    expect(Object.keys(cache)).toEqual(["/p/node_modules/x/index.js", "/other/index.js"]);
  });

  it("calls an exported function and returns its result, but not `exports.default`", () => {
    fs.writeFileSync(path.join(dir, "fn.js"), 'module.exports = () => ({ id: "web" });\n');
    fs.writeFileSync(path.join(dir, "esm.js"), 'exports.default = () => ({ id: "web" });\n');
    expect(runProgramModule(dir, "fn.js")).toEqual({ id: "web" });
    expect(typeof (runProgramModule(dir, "esm.js") as { default: unknown }).default).toBe("function");
  });
});
