import { hookPayload, runNode } from "@spoor/test-support";
import { HOOK_BUNDLE } from "./paths.js";

/** What one run of the hook script printed. */
export interface HookRun {
  code: number | null;
  stdout: string;
  stderr: string;
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
 * `input` on STDIN; `uid`/`gid` run it without cPanel's privilege escalation (from a
 * world-readable copy of the bundle, see runNode).
 */
export async function runHook(
  args: readonly string[],
  input: string | Buffer,
  options: { uid?: number; gid?: number } = {},
): Promise<HookRun> {
  const run = await runNode(HOOK_BUNDLE, args, {
    ...options,
    input,
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: "/", USER: "root" },
  });
  return { code: run.code, stdout: run.stdout, stderr: run.stderr };
}
