import { execFile } from "node:child_process";

/** Asks the running systemd about units. */
export interface SystemdLive {
  /** `systemctl is-enabled` / `is-active` output, e.g. `enabled`, `active`, `inactive`. */
  state(unit: string, question: "is-enabled" | "is-active"): Promise<string>;
}

/**
 * The live systemd when this machine runs one (`systemctl is-system-running` answers
 * anything but `offline`, or fails to start), else undefined. Never rejects.
 */
export async function connectSystemd(): Promise<SystemdLive | undefined> {
  const running = await systemctl(["is-system-running"]);
  if (running === undefined || running === "offline" || running === "") return undefined;
  return {
    async state(unit, question) {
      return (await systemctl([question, unit])) ?? "unknown";
    },
  };
}

function systemctl(args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile("systemctl", args, { timeout: 10_000 }, (error, stdout) => {
      if (error !== null && typeof (error as NodeJS.ErrnoException).code === "string") {
        return resolve(undefined); // not installed
      }
      resolve(stdout.trim().split("\n")[0] ?? "");
    });
  });
}
