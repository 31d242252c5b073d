import { spawnSync } from "node:child_process";
import { constants } from "node:fs";
import { access, chmod, mkdir, stat, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { copyReadableByOthers } from "./readable-copy.js";
import { NOBODY, runNode } from "./run-node.js";
import { makeTempDir, type TempDir } from "./temp-dir.js";

const dirs: TempDir[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await dir.cleanup();
});

/** A script inside a 0700 directory, as in a checkout under /root. */
async function privateScript(body: string): Promise<string> {
  const dir = await makeTempDir("spoor-private-checkout-");
  dirs.push(dir);
  const script = join(dir.path, "checkout/dist/script.js");
  await mkdir(dirname(script), { recursive: true, mode: 0o755 });
  await writeFile(script, body, { mode: 0o644 });
  return script;
}

describe("runNode", () => {
  it("collects exit code, stdout and stderr, and feeds stdin", async () => {
    const script = await privateScript(
      'let s="";process.stdin.on("data",(c)=>{s+=c}).on("end",()=>{process.stdout.write(s.toUpperCase());process.stderr.write(process.argv[2]);process.exit(3)});',
    );
    const run = await runNode(script, ["an-arg"], { input: "hello" });
    expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }).toStrictEqual({
      code: 3,
      stdout: "HELLO",
      stderr: "an-arg",
    });
    expect(run.endedMs).toBeGreaterThanOrEqual(run.startedMs);
  });

  it("runs a script from a 0700 checkout as nobody (which cannot reach it there)", async () => {
    const script = await privateScript(
      'process.stdout.write([process.getuid(), ":", process.getgid(), " ", process.cwd()].join(""));',
    );
    // The premise: spawned in place, nobody cannot read the script.
    const direct = spawnSync(process.execPath, [script], {
      uid: NOBODY.uid,
      gid: NOBODY.gid,
      cwd: "/",
    });
    expect(direct.status).toBe(1);
    expect(direct.stderr.toString()).toContain(`Cannot find module '${script}'`);

    const run = await runNode(script, [], { uid: NOBODY.uid, gid: NOBODY.gid, env: {} });
    expect(run.code).toBe(0);
    const [ids, cwd] = run.stdout.split(" ") as [string, string];
    expect(ids).toBe("65534:65534");
    expect(cwd).toMatch(/spoor-readable-/);
    // The copy is gone afterwards.
    await expect(access(cwd, constants.F_OK)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("copyReadableByOthers", () => {
  it("copies into a fresh 0755 directory as a 0644 file", async () => {
    const script = await privateScript("// bundle\n");
    const copy = await copyReadableByOthers(script);
    dirs.push(copy);
    expect((await stat(copy.path)).mode & 0o777).toBe(0o755);
    expect((await stat(copy.file)).mode & 0o777).toBe(0o644);
    expect(dirname(copy.file)).toBe(copy.path);
  });

  it("refuses a TMPDIR other users cannot traverse, naming it", async () => {
    const script = await privateScript("// bundle\n");
    const privateTmp = await makeTempDir("spoor-private-tmp-");
    dirs.push(privateTmp);
    await chmod(privateTmp.path, 0o700);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = privateTmp.path;
    try {
      await expect(copyReadableByOthers(script)).rejects.toThrow(
        `${privateTmp.path} is not traversable by other users`,
      );
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });
});
