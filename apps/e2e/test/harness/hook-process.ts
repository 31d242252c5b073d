import { spawn } from "node:child_process";
import { HOOK_BUNDLE } from "./paths.js";

/** What one run of the hook script printed. */
export interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The document cPanel writes to a script hook's STDIN for `event` (cpanel.md §3.4). */
export function hookPayload(event: string, data: Record<string, unknown>): string {
  return JSON.stringify({
    context: { category: "Cpanel", event, stage: "post", escalateprivs: 1, point: "main" },
    data,
    hook: {
      exectype: "script",
      hook: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook",
      stage: "post",
    },
  });
}

/** A webmail user forwarding their mailbox `email` elsewhere (UAPI Email::add_forwarder). */
export function addForwarderPayload(email: string, forward: string): string {
  const [user, domain] = email.split("@") as [string, string];
  return hookPayload("UAPI::Email::add_forwarder", {
    args: {
      email: user,
      domain: "",
      fwdopt: "fwd",
      fwdemail: forward,
      fwdsystem: "",
      pipefwd: "",
      failmsgs: "",
    },
    result: [{ email, domain, forward }],
    user: "cpuser1",
  });
}

/**
 * Runs the bundled hook (`node dist/hook.js ARGS`) with cPanel's sparse environment and
 * `input` on STDIN; `uid`/`gid` run it without cPanel's privilege escalation.
 */
export function runHook(
  args: readonly string[],
  input: string | Buffer,
  options: { uid?: number; gid?: number } = {},
): Promise<HookRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [HOOK_BUNDLE, ...args], {
      env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/", USER: "root" },
      stdio: ["pipe", "pipe", "pipe"],
      ...options,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.stdin.on("error", () => undefined); // the hook may stop reading a hostile input early
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
      }),
    );
    child.stdin.end(input);
  });
}
