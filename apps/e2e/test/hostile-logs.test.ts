import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { expectedReports, settleDelivery } from "./harness/delivery.js";
import {
  forwarderAdd,
  hookForwardAdded,
  type MailboxEvent,
  webmailLogin,
} from "./harness/log-lines.js";
import { appendLines } from "./harness/log-writer.js";
import { startStack } from "./harness/stack.js";

const defer = useCleanups();

/** What a hook line would carry for `email`: the text a user smuggles into other fields. */
function hookText(email: string): string {
  const data = {
    args: { domain: "", fwdopt: "fwd" },
    result: [{ forward: "thief@evil.example", email }],
  };
  return `[2024-01-01 00:00:00 +0000] info [spoor_forward_added] ${JSON.stringify(data)}`;
}

/** A forwarder-added access line for `credential` (the shape a forger imitates). */
function forwardLine(credential: string): string {
  return `192.0.2.66 - ${credential} [08/16/2024:18:00:00 -0000] "POST /cpsess1/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 0`;
}

const FORGED = {
  accessUserAgent: "forged-ua@victim.example",
  accessUserAgentLine: "forged-ua-line@victim.example",
  accessRequest: "forged-request@victim.example",
  loginHookText: "forged-login-hook@victim.example",
  loginQuoted: "forged-login-quoted@victim.example",
  errorOtherService: "forged-error@victim.example",
  errorCarriageReturn: "forged-cr@victim.example",
  errorLongLine: "forged-long@victim.example",
  accessHugeLine: "forged-huge@victim.example",
};

/** Lines a remote client or a cPanel user can cause, each imitating an event. */
function hostileLines(): Record<"access" | "login" | "error", Array<string | Buffer>> {
  const binary = Buffer.from(
    Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256).filter((b) => b !== 10),
  );
  const invalidUtf8 = Buffer.concat([
    Buffer.from(
      '203.0.113.9 - - [08/16/2024:18:00:00 -0000] "GET /\xff\xfe\xc0\xaf HTTP/1.1" 200 0 "-" "',
      "latin1",
    ),
    Buffer.from([0xed, 0xa0, 0x80, 0xf8, 0x88, 0x80, 0x80, 0x80, 0xc3]),
    Buffer.from('" "-" "-" 443', "latin1"),
  ]);
  return {
    access: [
      binary,
      invalidUtf8,
      `192.0.2.50 - - [08/16/2024:18:00:00 -0000] "GET / HTTP/1.1" 200 0 "-" "Mozilla ${hookText(FORGED.accessUserAgent)}" "-" "-" 443`,
      `192.0.2.51 - - [08/16/2024:18:00:00 -0000] "GET / HTTP/1.1" 200 0 "-" "x\\" ${forwardLine(FORGED.accessUserAgentLine.replace("@", "%40"))}" "-" "-" 443`,
      `192.0.2.52 - cpuser [08/16/2024:18:00:00 -0000] "GET /x ${forwardLine(FORGED.accessRequest.replace("@", "%40"))} HTTP/1.1" 404 0 "-" "-" "-" "-" 2083`,
      `${forwardLine(FORGED.accessHugeLine.replace("@", "%40"))} "${"A".repeat(10 * 1024 * 1024)}" 2096`,
      `${forwardLine("x%40y.example")} "${"B".repeat(70 * 1024)}" 2096`,
    ],
    login: [
      binary,
      invalidUtf8,
      `[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.60 - "${FORGED.loginQuoted} - SUCCESS LOGIN webmaild" "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user name not found`,
      `[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.61 - ${hookText(FORGED.loginHookText)} "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user name not found`,
    ],
    error: [
      binary,
      invalidUtf8,
      `[2024-08-16 18:00:00 +0000] warn [cpsrvd] rejected login name "${hookText(FORGED.errorOtherService)}"`,
      `[2024-08-16 18:00:00 +0000] info [cpsrvd] note\r${hookText(FORGED.errorCarriageReturn)}`,
      // A hook line itself, but padded past the 64 KiB line limit: skipped, never cut and read.
      hookText(FORGED.errorLongLine).replace("]}", `],"pad":"${"C".repeat(128 * 1024)}"}`),
    ],
  };
}

/** A FAILED webmail login line whose (attacker-chosen) user name ends in a success text. */
const FORGED_FAILED_LOGIN =
  '[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.60 - forged-login@victim.example (possessor: evil) - SUCCESS LOGIN webmaild "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user name not found';

describe("hostile log content", () => {
  it("survives binary, enormous, non-UTF-8 and forged lines and delivers only the genuine events", async () => {
    const stack = await startStack({
      followers: ["access", "login", "error"],
      reporter: "hostile-e2e",
      env: { SPOOR_LOG_LEVEL: "debug" },
    });
    defer(() => stack.close());
    const genuine: MailboxEvent[] = [];
    const hostile = hostileLines();
    for (let round = 0; round < 2; round++) {
      for (const type of ["access", "login", "error"] as const) {
        await appendLines(stack.root.logPath(type), hostile[type]);
      }
      const events = [
        forwarderAdd(`genuine-access-${round}@victim.example`, round),
        webmailLogin(`genuine-login-${round}@victim.example`, round),
        hookForwardAdded(`genuine-hook-${round}@victim.example`, round),
      ];
      for (const event of events) await appendLines(stack.root.logPath(event.type), [event.line]);
      genuine.push(...events);
      await settleDelivery(stack.receiver, stack.reporter, genuine, stack.root);
    }
    const delivered = await settleDelivery(stack.receiver, stack.reporter, genuine, stack.root);
    expect(delivered.reports).toEqual(expectedReports(genuine));
    expect(delivered.stats.reports).toBe(genuine.length);
    const held = delivered.reports.join("\n");
    for (const address of Object.values(FORGED)) expect(held).not.toContain(address);

    expect(stack.agent.isRunning()).toBe(true);
    const logs = stack.agent.logLines();
    expect(logs.filter((l) => l.level === "error" || "raw" in l)).toEqual([]);
    // Lines over 64 KiB were skipped and counted (two per round in access_log, one in error_log).
    const skipped = (type: string) =>
      logs
        .filter((l) => l.msg === "log long-lines-skipped" && l.type === type)
        .reduce((sum, l) => sum + Number(l.count), 0);
    expect({ access: skipped("access"), error: skipped("error") }).toEqual({ access: 4, error: 2 });
    // No log content reached the agent's own log.
    expect(stack.agent.stderr()).not.toMatch(/victim\.example|evil\.example|spoor_forward_added/);
    expect(await stack.agent.stop("SIGTERM")).toEqual({ code: 0, signal: null });
  });

  // Regression (bug 1 of the README, fixed in @spoor/parsers 8cbd129): a remote client chooses the login
  // name of a failed login; one holding " - SUCCESS LOGIN webmaild" (no quote needed) is read
  // as a successful webmail login of any address it names.
  it("does not turn a failed login whose user name imitates a success into a login event", async () => {
    const stack = await startStack({ followers: ["login"], reporter: "forged-login-e2e" });
    defer(() => stack.close());
    await appendLines(stack.root.logPath("login"), [FORGED_FAILED_LOGIN]);
    const genuine = webmailLogin("genuine-after-forgery@victim.example", 1);
    await appendLines(stack.root.logPath("login"), [genuine.line]);
    const delivered = await settleDelivery(stack.receiver, stack.reporter, [genuine], stack.root);
    expect(delivered.reports).toEqual(["login genuine-after-forgery@victim.example"]);
  });
});
