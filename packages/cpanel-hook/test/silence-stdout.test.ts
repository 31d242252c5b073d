import { spawnSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const LIBRARY = fileURLToPath(new URL("../dist/index.js", import.meta.url));

describe("silenceStdout", () => {
  it("leaves no ordinary way to print: console, process.stdout and reassignment", () => {
    const script = `
      import { writeSync } from "node:fs";
      const { silenceStdout } = await import(${JSON.stringify(LIBRARY)});
      silenceStdout();
      console.log("log"); console.info("info"); console.warn("warn"); console.error("error");
      console.table([1]); console.dir({}); console.trace("trace");
      process.stdout.write("write");
      try { process.stdout = { write() {} }; } catch {}
      try { console.log = (...a) => writeSync(1, a.join("")); } catch {}
      console.log("reassigned");
      writeSync(2, "fd2 still works");
    `;
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
      encoding: "utf8",
    });
    expect({ status: run.status, stdout: run.stdout, stderr: run.stderr }).toEqual({
      status: 0,
      stdout: "",
      stderr: "fd2 still works",
    });
  });
});

describe("the bundled hook script", () => {
  it("silences stdout before any other module of the bundle is evaluated", async () => {
    const bundle = await readFile(
      fileURLToPath(new URL("../dist/hook.js", import.meta.url)),
      "utf8",
    );
    const silenced = bundle.indexOf("silenceStdout();");
    expect(silenced).toBeGreaterThan(0);
    // the first top-level statements of the ground floor (@spoor/errors) and of config
    for (const laterCode of ['Symbol.for("@spoor/errors.user-facing")', "function loadConfig("]) {
      const at = bundle.indexOf(laterCode);
      expect([laterCode, at > silenced]).toEqual([laterCode, true]);
    }
  });
});
