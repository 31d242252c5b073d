import { access, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeConfig } from "@spoor/config";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "./helpers/run-cli.js";
import { spawnCli } from "./helpers/spawn-cli.js";

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );

// A Perl-era spoor.yml with custom paths names the four directories the original knew; the
// quarantine is new. Under --root, the machine's /var/lib/spoor is `<root>/var/lib/spoor`.
let root: string;
let spool: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), "spoor-relocated-"));
  spool = join(root, "srv/spoor");
  const log = join(root, "logs/login_log");
  await mkdir(join(root, "logs"));
  await writeFile(log, "");
  await mkdir(join(root, "etc"), { mode: 0o755 });
  await writeConfig(join(root, "etc/spoor/spoor.yml"), {
    followers: { login: { name: log } },
    transmission: {
      host: "http://127.0.0.1:9",
      credentials: { api_identifier: "test-id", api_secret: "test-secret" },
    },
    application: {
      parsed_entries_path: join(spool, "parsed"),
      transmitted_entries_path: join(spool, "transmitted"),
      transmission_failed_entries_path: join(spool, "failed"),
      state_path: join(spool, "state"),
    },
  });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("a config that relocates every spool directory", () => {
  it("keeps spoor doctor and spoor agent out of the default /var/lib/spoor", async () => {
    const doctor = await runCli(["doctor", "--root", root]);
    expect(doctor.stderr).not.toMatch(/var\/lib\/spoor/);
    expect(await exists(join(root, "var/lib/spoor"))).toBe(false);

    const agent = spawnCli(["agent", "--root", root]);
    try {
      await agent.waitForLog((line) => line.msg === "following");
      expect(await agent.stop()).toBe(0);
    } finally {
      await agent.stop();
    }
    expect(await exists(join(root, "var/lib/spoor"))).toBe(false);
    expect(await exists(join(spool, "quarantine"))).toBe(true);
  });
});
