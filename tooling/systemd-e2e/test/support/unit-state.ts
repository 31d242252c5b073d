import { type SystemdContainer, waitUntil } from "@spoor/systemd-harness";

/** The sandbox facts of a running process, from /proc/PID/status inside the container. */
export interface ProcessSandbox {
  noNewPrivs: string;
  /** 2: a seccomp filter is installed. */
  seccomp: string;
  capEff: string;
  capBnd: string;
  /** The program the process runs (/proc/PID/exe). */
  exe: string;
}

/**
 * The sandbox of a unit's main process.
 * @throws Error when the unit has no main process; CommandFailedError when /proc cannot be read.
 */
export async function unitSandbox(
  container: SystemdContainer,
  unit: string,
): Promise<ProcessSandbox> {
  const { MainPID } = await container.show(unit, ["MainPID"]);
  if (MainPID === undefined || MainPID === "0") throw new Error(`${unit} has no main process`);
  const status = await container.run(["cat", `/proc/${MainPID}/status`]);
  const field = (name: string) => new RegExp(`^${name}:\\s*(\\S+)`, "m").exec(status)?.[1] ?? "";
  return {
    noNewPrivs: field("NoNewPrivs"),
    seccomp: field("Seccomp"),
    capEff: field("CapEff"),
    capBnd: field("CapBnd"),
    exe: (await container.run(["readlink", `/proc/${MainPID}/exe`])).trim(),
  };
}

/**
 * Waits until a unit's ActiveState is one of `states` and returns its properties.
 * @throws Error at the deadline, naming the last state seen.
 */
export async function waitForState(
  container: SystemdContainer,
  unit: string,
  states: readonly string[],
  timeoutMs = 30_000,
): Promise<Record<string, string>> {
  const properties = [
    "ActiveState",
    "SubState",
    "Result",
    "NRestarts",
    "ExecMainStatus",
    "MainPID",
  ];
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const shown = await container.show(unit, properties);
    if (states.includes(shown.ActiveState ?? "")) return shown;
    if (Date.now() > deadline) {
      throw new Error(
        `${unit} stayed ${shown.ActiveState}/${shown.SubState}, not ${states.join(" or ")}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The JSON objects among a unit's journal messages (the daemons log JSON lines). */
export async function journalJson(
  container: SystemdContainer,
  unit: string,
): Promise<Record<string, unknown>[]> {
  const objects: Record<string, unknown>[] = [];
  for (const message of await container.journal(unit)) {
    if (!message.startsWith("{")) continue;
    objects.push(JSON.parse(message) as Record<string, unknown>);
  }
  return objects;
}

/**
 * Waits until the unit's current run (its InvocationID) has logged a JSON line, i.e. the
 * daemon is past start-up and handles SIGTERM; returns those lines.
 * @throws Error at the deadline.
 */
export async function waitForStartedDaemon(
  container: SystemdContainer,
  unit: string,
): Promise<Record<string, unknown>[]> {
  const { InvocationID } = await container.show(unit, ["InvocationID"]);
  return waitUntil(`${unit} (run ${InvocationID}) to log`, async () => {
    const text = await container.run([
      "journalctl",
      "--no-pager",
      "-o",
      "cat",
      `_SYSTEMD_INVOCATION_ID=${InvocationID}`,
    ]);
    const json = text
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return json.length > 0 ? json : undefined;
  });
}
