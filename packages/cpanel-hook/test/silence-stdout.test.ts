import { spawnSync } from "node:child_process";
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
