import { constants } from "node:fs";
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ALL_UNIT_NAMES } from "../../install/unit-install.js";
import { accessible, exists } from "../../path-probes.js";
import { hiddenByProtectHome, PROTECT_HOME_FIX } from "../../systemd/protect-home.js";
import { type CheckResult, type DoctorContext, result } from "./check-result.js";
import type { SystemdLive } from "./systemd-live.js";

/**
 * The installed spoor units: at least one, not both layouts, mode 0644, an ExecStart whose
 * node and entry script exist, enabled at boot (the `multi-user.target.wants` link), and,
 * when `live` is given (root "/" on a running systemd), enabled and active. Never throws.
 */
export async function checkUnits(
  context: DoctorContext,
  live: SystemdLive | undefined,
): Promise<CheckResult[]> {
  const { unitDirectory, wantsDirectory } = context.paths;
  const installed: string[] = [];
  for (const name of ALL_UNIT_NAMES) {
    if (await exists(join(unitDirectory, name))) installed.push(name);
  }
  if (installed.length === 0) {
    return [result("units", "fail", `no spoor unit in ${unitDirectory}`, "spoor install")];
  }
  const results: CheckResult[] = [];
  if (installed.includes("spoor-agent.service") && installed.length > 1) {
    results.push(
      result(
        "units",
        "warn",
        `both layouts are installed (${installed.join(", ")}): events would be handled twice`,
        "spoor install --layout agent (or units) removes the other layout",
      ),
    );
  }
  for (const name of installed)
    results.push(await checkUnit(name, unitDirectory, wantsDirectory, live));
  return results;
}

async function checkUnit(
  name: string,
  unitDirectory: string,
  wantsDirectory: string,
  live: SystemdLive | undefined,
): Promise<CheckResult> {
  const label = `unit ${name}`;
  const path = join(unitDirectory, name);
  const stats = await lstat(path);
  if (!stats.isFile() || (stats.mode & 0o7777) !== 0o644) {
    return result(
      label,
      "warn",
      `${path} is not a regular file with mode 0644`,
      `spoor install (rewrites the unit files)`,
    );
  }
  const text = await readFile(path, "utf8").catch(() => "");
  const hidden = /^ProtectHome=(yes|true|read-only|tmpfs)$/m.test(text)
    ? hiddenByProtectHome(execStartWords(text).filter((word) => word.startsWith("/")))
    : [];
  if (hidden.length > 0) {
    return result(
      label,
      "fail",
      `ExecStart names ${hidden.join(", ")}, which the unit's ProtectHome= hides: it cannot load its code`,
      PROTECT_HOME_FIX,
    );
  }
  const missing = await missingExecutables(text);
  if (missing !== undefined) {
    return result(
      label,
      "fail",
      `ExecStart names ${missing}, which does not exist (node moved or upgraded, or a Perl-era unit?)`,
      "spoor install (rewrites the unit files)",
    );
  }
  if (live !== undefined) {
    const enabled = await live.state(name, "is-enabled");
    const active = await live.state(name, "is-active");
    if (active !== "active") {
      return result(
        label,
        "fail",
        `${active} (is-enabled: ${enabled})`,
        `systemctl enable --now ${name}; journalctl -u ${name} -n 50`,
      );
    }
    if (enabled !== "enabled") {
      return result(
        label,
        "warn",
        `active but ${enabled}: it will not start at boot`,
        `systemctl enable ${name}`,
      );
    }
    return result(label, "ok", "enabled and active");
  }
  const linked = await exists(join(wantsDirectory, name));
  if (!linked) {
    return result(
      label,
      "warn",
      `installed but not enabled at boot (no link in ${wantsDirectory})`,
      `systemctl enable --now ${name}`,
    );
  }
  return result(
    label,
    "ok",
    "installed and enabled at boot (systemd not running here: live state not checked)",
  );
}

/** The first ExecStart word (or the entry script after node's options) that is missing. */
async function missingExecutables(unit: string): Promise<string | undefined> {
  const words = execStartWords(unit);
  const [program, ...rest] = words;
  if (program === undefined) return "nothing";
  if (!(await accessible(program, constants.X_OK))) return program;
  const script = rest.find((word) => !word.startsWith("-"));
  if (script !== undefined && !(await accessible(script))) return script;
  return undefined;
}

/** The words of the unit's ExecStart= line, unquoted (none without one). */
function execStartWords(unit: string): string[] {
  const line = /^ExecStart=(.*)$/m.exec(unit)?.[1];
  if (line === undefined) return [];
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((match) =>
    (match[1] ?? match[2]!).replace(/\\(.)/g, "$1").replaceAll("%%", "%").replaceAll("$$", "$"),
  );
}
