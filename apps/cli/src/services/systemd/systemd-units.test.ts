import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { UNIT_SANDBOX_DIRECTIVES } from "@spoor/agent/launch";
import { hasSystemdAnalyze, unitExposure, verifyUnit } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DAEMON_NAMES,
  layoutUnitNames,
  renderUnitFiles,
  type UnitFilesOptions,
} from "./systemd-units.js";

const run = promisify(execFile);

let directory: string;
let options: UnitFilesOptions;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), "spoor-units-"));
  const entry = (name: string) => join(directory, "daemons", "bin", `${name}.js`);
  await run("mkdir", ["-p", join(directory, "daemons", "bin")]);
  const names = DAEMON_NAMES;
  for (const name of names) await writeFile(entry(name), "process.exit(0);\n");
  options = {
    layout: "agent",
    nodePath: process.execPath,
    entryPaths: Object.fromEntries(
      names.map((name) => [name, entry(name)]),
    ) as UnitFilesOptions["entryPaths"],
    configPath: "/etc/spoor/spoor.yml",
    writablePaths: ["/var/lib/spoor"],
    followers: ["access", "error", "login", "session"],
  };
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe("renderUnitFiles", () => {
  it("renders the agent layout as one hardened unit with absolute paths", () => {
    const [unit, ...rest] = renderUnitFiles(options);
    expect(rest).toEqual([]);
    expect(unit!.name).toBe("spoor-agent.service");
    expect(unit!.content).toBe(
      [
        "# Written by `spoor install`; re-running it rewrites this file, `spoor uninstall` removes it.",
        "[Unit]",
        "Description=Spoor agent: cPanel log followers and transmitter",
        "After=network-online.target",
        "Wants=network-online.target",
        "StartLimitIntervalSec=300",
        "StartLimitBurst=5",
        "",
        "[Service]",
        "Type=simple",
        `ExecStart=${process.execPath} --no-sparkplug --expose-gc ${options.entryPaths["spoor-agent"]} --config /etc/spoor/spoor.yml`,
        "Environment=MALLOC_ARENA_MAX=2",
        "Environment=MALLOC_MMAP_THRESHOLD_=65536",
        "Environment=MALLOC_TRIM_THRESHOLD_=65536",
        "Restart=on-failure",
        "RestartSec=5",
        "RestartPreventExitStatus=78",
        "TimeoutStopSec=15",
        "SyslogIdentifier=spoor-agent",
        "User=root",
        "CapabilityBoundingSet=",
        "AmbientCapabilities=",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ReadWritePaths=/var/lib/spoor",
        "InaccessiblePaths=-/etc/ssh -/etc/shadow -/etc/gshadow -/etc/sudoers -/etc/sudoers.d",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "PrivateDevices=yes",
        "PrivateMounts=yes",
        ...UNIT_SANDBOX_DIRECTIVES,
        "UMask=0077",
        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6",
        "MemoryDenyWriteExecute=no",
        "",
        "[Install]",
        "WantedBy=multi-user.target",
        "",
      ].join("\n"),
    );
  });

  it("renders the units layout as the original's units, followers offline and jitless", () => {
    const files = renderUnitFiles({
      ...options,
      layout: "units",
      followers: ["access", "error", "login"],
    });
    expect(files.map((file) => file.name)).toEqual([
      "spoor-access-follower.service",
      "spoor-error-follower.service",
      "spoor-login-follower.service",
      "spoor-transmitter.service",
    ]);
    const follower = files[1]!.content;
    expect(follower).toContain("Description=Spoor error log follower\n");
    expect(follower).toContain(
      `ExecStart=${process.execPath} --no-sparkplug --expose-gc --jitless --no-expose-wasm ${options.entryPaths["spoor-error-follower"]} --config /etc/spoor/spoor.yml\n`,
    );
    expect(follower).not.toContain("network-online");
    for (const line of [
      "PrivateNetwork=yes",
      "IPAddressDeny=any",
      "RestrictAddressFamilies=AF_UNIX",
      "MemoryDenyWriteExecute=yes",
    ]) {
      expect(follower).toContain(`\n${line}\n`);
    }
    expect(files[3]!.content).toContain(
      "After=network-online.target\nWants=network-online.target\n",
    );
  });

  it("quotes paths with spaces and escapes systemd specifiers", () => {
    const [unit] = renderUnitFiles({
      ...options,
      configPath: "/srv/my spoor/100%.yml",
      writablePaths: ["/srv/my spoor/state"],
    });
    expect(unit!.content).toContain(' --config "/srv/my spoor/100%%.yml"\n');
    expect(unit!.content).toContain('ReadWritePaths="/srv/my spoor/state"\n');
  });

  it("names the units of each layout", () => {
    expect(layoutUnitNames("agent", ["access"])).toEqual(["spoor-agent.service"]);
    expect(layoutUnitNames("units", ["login", "session"])).toEqual([
      "spoor-login-follower.service",
      "spoor-session-follower.service",
      "spoor-transmitter.service",
    ]);
  });
});

describe(`every unit's hardening, ${hasSystemdAnalyze ? "measured with systemd-analyze" : "checked by directive (systemd-analyze is not installed)"}`, () => {
  const units = () => [
    ...renderUnitFiles(options),
    ...renderUnitFiles({ ...options, layout: "units" }),
  ];

  it(
    hasSystemdAnalyze ? "passes systemd-analyze verify" : "sets the hardening directives",
    async () => {
      for (const unit of units()) {
        if (!hasSystemdAnalyze) {
          for (const line of [
            "ProtectSystem=strict",
            "NoNewPrivileges=yes",
            "CapabilityBoundingSet=",
            "SystemCallFilter=@system-service",
          ]) {
            expect(unit.content).toContain(`\n${line}\n`);
          }
          continue;
        }
        const path = join(directory, unit.name);
        await writeFile(path, unit.content);
        expect({ unit: unit.name, ...(await verifyUnit(path)) }).toEqual({
          unit: unit.name,
          stdout: "",
          stderr: "",
        });
      }
    },
  );

  it(
    hasSystemdAnalyze
      ? "scores at most 2.5 on systemd-analyze security --offline"
      : "keeps every unit off the network it does not need",
    async () => {
      const scores: Record<string, number> = {};
      for (const unit of units()) {
        if (!hasSystemdAnalyze) {
          const offline = unit.name.endsWith("-follower.service");
          expect(unit.content.includes("\nPrivateNetwork=yes\n")).toBe(offline);
          continue;
        }
        const path = join(directory, unit.name);
        await writeFile(path, unit.content);
        scores[unit.name] = await unitExposure(path);
      }
      if (!hasSystemdAnalyze) return;
      for (const [name, score] of Object.entries(scores)) {
        expect({ name, ok: score <= 2.5 }).toEqual({ name, ok: true });
      }
    },
  );
});
