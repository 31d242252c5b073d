import { mkdir, mkdtemp, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { captureLogger } from "../test/helpers/capture-logger.js";
import { createLoginLoggingSetting } from "./login-logging-setting.js";

const roots: string[] = [];
afterEach(async () => {
  await Promise.all(roots.splice(0).map((root) => rm(root, { recursive: true, force: true })));
});

async function makeRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "spoor-gate-"));
  roots.push(root);
  return root;
}

async function writeCpanelConfig(root: string, text: string, mtimeSeconds: number) {
  const dir = join(root, "var", "cpanel");
  await mkdir(dir, { recursive: true });
  const path = join(dir, "cpanel.config");
  await writeFile(path, text);
  await utimes(path, mtimeSeconds, mtimeSeconds);
}

describe("createLoginLoggingSetting", () => {
  it("is off when the file or the key is missing (cPanel's default)", async () => {
    const root = await makeRoot();
    const { logger } = captureLogger();
    expect(await createLoginLoggingSetting({ root, logger }).isOn()).toBe(false);
    await writeCpanelConfig(root, "enable_api_log=1\nlog_successful_logins_x=1\n", 1000);
    expect(await createLoginLoggingSetting({ root, logger }).isOn()).toBe(false);
  });

  it("reads the key and re-checks only after recheckMs, logging a change", async () => {
    const root = await makeRoot();
    const captured = captureLogger();
    let clock = 0;
    await writeCpanelConfig(root, "a=b\nlog_successful_logins=1\nz=0\n", 1000);
    const setting = createLoginLoggingSetting({
      root,
      logger: captured.logger,
      recheckMs: 60_000,
      now: () => clock,
    });
    expect(await setting.isOn()).toBe(true);
    await writeCpanelConfig(root, "log_successful_logins=0\n", 2000);
    clock = 59_999;
    expect(await setting.isOn()).toBe(true); // not re-checked yet
    clock = 60_000;
    expect(await setting.isOn()).toBe(false);
    expect(captured.lines().map(({ time, ...rest }) => rest)).toEqual([
      {
        level: "info",
        msg: "log_successful_logins changed",
        path: join(root, "var", "cpanel", "cpanel.config"),
        on: false,
      },
    ]);
  });
});
