import { spawnSync } from "node:child_process";
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { planCheckoutRun } from "./checkout-run.js";
import { NOBODY, runNode } from "./run-node.js";
import { makeTempDir, type TempDir } from "./temp-dir.js";

const dirs: TempDir[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await dir.cleanup();
});

/**
 * A checkout (0755) inside a 0700 directory, as a clone under /root: a script that imports a
 * sibling module and a package from node_modules, so a copy of the script alone cannot run.
 */
async function privateCheckout(): Promise<{ checkout: string; script: string }> {
  const dir = await makeTempDir("spoor-private-checkout-");
  dirs.push(dir);
  const checkout = join(dir.path, "checkout");
  const lib = join(checkout, "node_modules/answer");
  await mkdir(lib, { recursive: true, mode: 0o755 });
  await mkdir(join(checkout, "bin"), { mode: 0o755 });
  await writeFile(join(lib, "package.json"), '{"name":"answer","main":"index.js"}', {
    mode: 0o644,
  });
  await writeFile(join(lib, "index.js"), "module.exports = 42;", { mode: 0o644 });
  await writeFile(join(checkout, "bin/name.js"), 'module.exports = "sibling";', { mode: 0o644 });
  const script = join(checkout, "bin/run.js");
  await writeFile(
    script,
    'const s=require("./name.js"),a=require("answer");let i="";process.stdin.on("data",(c)=>{i+=c}).on("end",()=>{process.stdout.write([process.getuid()+":"+process.getgid(),process.getgroups().join(","),process.cwd(),s,a,i,process.argv[2]].join(" "))});',
    { mode: 0o644 },
  );
  return { checkout, script };
}

function mountedHere(path: string): Promise<boolean> {
  return readFile("/proc/self/mountinfo", "utf8").then((info) => info.includes(` ${path} `));
}

describe("runNode with a checkout", () => {
  it("runs a script of a 0700 checkout as nobody, through a view of the whole checkout", async () => {
    const { checkout, script } = await privateCheckout();
    // The premise: spawned in place, nobody cannot reach the script.
    const direct = spawnSync(process.execPath, [script], { ...NOBODY, cwd: "/" });
    expect(direct.status).toBe(1);
    expect(direct.stderr.toString()).toContain(`Cannot find module '${script}'`);

    const run = await runNode(script, ["an-arg"], { ...NOBODY, checkout, input: "in", env: {} });
    expect({ code: run.code, stderr: run.stderr }).toStrictEqual({ code: 0, stderr: "" });
    const [ids, groups, cwd, ...rest] = run.stdout.split(" ");
    expect(ids).toBe("65534:65534");
    expect(groups).toBe("65534");
    expect(cwd).toMatch(/\/spoor-checkout-[^/]+$/);
    expect(rest).toStrictEqual(["sibling", "42", "in", "an-arg"]);
    // Nothing was mounted here, the view is gone, and the checkout's directory kept its mode.
    expect(await mountedHere(cwd as string)).toBe(false);
    await expect(stat(cwd as string)).rejects.toMatchObject({ code: "ENOENT" });
    expect((await stat(join(checkout, ".."))).mode & 0o777).toBe(0o700);
  });
});

describe("planCheckoutRun", () => {
  it("refuses a script outside the checkout, naming both", async () => {
    const { checkout } = await privateCheckout();
    await expect(planCheckoutRun(checkout, "/usr/bin/env", [], NOBODY)).rejects.toThrow(
      `/usr/bin/env is not inside the checkout ${checkout}`,
    );
  });

  it("leaves no view behind when it cleans up unused", async () => {
    const { checkout, script } = await privateCheckout();
    const plan = await planCheckoutRun(checkout, script, [], NOBODY);
    expect((await stat(plan.view)).mode & 0o777).toBe(0o755);
    await plan.cleanup();
    await expect(stat(plan.view)).rejects.toMatchObject({ code: "ENOENT" });
  });
});
