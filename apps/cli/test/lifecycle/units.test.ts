import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hasSystemdAnalyze, unitExposure, verifyUnit } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";

const HARDENING = [
  "User=root",
  "CapabilityBoundingSet=",
  "NoNewPrivileges=yes",
  "ProtectSystem=strict",
  "ProtectHome=yes",
  "PrivateTmp=yes",
  "PrivateDevices=yes",
  "ProtectKernelTunables=yes",
  "ProtectControlGroups=yes",
  "RestrictNamespaces=yes",
  "SystemCallArchitectures=native",
  "SystemCallFilter=@system-service",
  "UMask=0077",
];

let directory: string;
const units: Array<{ path: string; name: string; content: string }> = [];

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-units-cli-"));
  for (const layout of ["agent", "units"]) {
    const root = join(directory, layout);
    const args = [
      "install",
      "--non-interactive",
      "--root",
      root,
      "--layout",
      layout,
      "--api-identifier",
      "u",
      "--api-secret-stdin",
      "--api-host",
      "https://spoor.example",
    ];
    expect((await runCli(args, { input: "unit-secret" })).code).toBe(0);
    const unitDirectory = join(root, "etc/systemd/system");
    for (const name of (await readdir(unitDirectory)).sort()) {
      const path = join(unitDirectory, name);
      units.push({ path, name, content: await readFile(path, "utf8") });
    }
  }
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe(`the installed units (${hasSystemdAnalyze ? "checked with systemd-analyze" : "systemd-analyze is not installed: checked by directive"})`, () => {
  it("are the agent unit and the five units of the other layout", () => {
    expect(units.map((unit) => unit.name)).toEqual([
      "spoor-agent.service",
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ]);
  });

  it(
    hasSystemdAnalyze
      ? "pass systemd-analyze verify with the real node and daemon entries"
      : "carry the hardening directives",
    async () => {
      for (const unit of units) {
        if (!hasSystemdAnalyze) {
          for (const line of HARDENING) expect(unit.content).toContain(`\n${line}\n`);
          continue;
        }
        expect({ unit: unit.name, ...(await verifyUnit(unit.path)) }).toEqual({
          unit: unit.name,
          stdout: "",
          stderr: "",
        });
      }
    },
  );

  it(
    hasSystemdAnalyze
      ? "score at most 2.5 on systemd-analyze security --offline"
      : "keep the followers off the network",
    async () => {
      for (const unit of units) {
        if (!hasSystemdAnalyze) {
          expect(unit.content.includes("\nPrivateNetwork=yes\n")).toBe(
            unit.name.endsWith("-follower.service"),
          );
          continue;
        }
        const score = await unitExposure(unit.path);
        expect({ unit: unit.name, atMost2point5: score <= 2.5 }).toEqual({
          unit: unit.name,
          atMost2point5: true,
        });
      }
    },
  );
});
