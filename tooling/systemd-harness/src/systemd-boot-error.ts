/** systemd did not come up in the container; the message carries what it printed. */
export class SystemdBootError extends Error {
  override readonly name = "SystemdBootError";
  /** The container's console (systemd's status lines) at the time of the failure. */
  readonly console: string;

  constructor(problem: string, console: string, details = "") {
    const shown = console.trim() === "" ? "(the console is empty)" : tail(console, 60);
    super(
      `systemd did not boot: ${problem}\n--- console ---\n${shown}${details === "" ? "" : `\n--- ${details}`}`,
    );
    this.console = console;
  }
}

function tail(text: string, lines: number): string {
  return text.trimEnd().split("\n").slice(-lines).join("\n");
}
