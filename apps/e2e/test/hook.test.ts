import { appendFile } from "node:fs/promises";
import { NOBODY } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { useCleanups } from "./harness/cleanups.js";
import { settleDelivery } from "./harness/delivery.js";
import { addForwarderPayload, runHook } from "./harness/hook-process.js";
import type { MailboxEvent } from "./harness/log-lines.js";
import { startStack } from "./harness/stack.js";

const defer = useCleanups();

function hookEvent(address: string): MailboxEvent {
  return { type: "error", event: "forward_added_partial_recipient", address, line: "" };
}

describe("the cPanel hook end to end", () => {
  it("a forwarder added through UAPI reaches the receiver, straight from the spool and through error_log", async () => {
    const stack = await startStack({ followers: ["error"], reporter: "hook-e2e" });
    defer(() => stack.close());
    const config = ["--config", stack.root.configPath];

    // Escalated (root): the hook writes the entry into the spool itself, silently (any
    // failure to do so is announced on STDERR).
    const direct = await runHook(
      config,
      addForwarderPayload("hooked@victim.example", "thief@evil.example"),
    );
    expect(direct).toEqual({ code: 0, stdout: "", stderr: "" });

    // Not escalated: no access to the config, so it passes the event line to error_log
    // through STDERR, which cPanel appends there; the error follower picks it up.
    const fallback = await runHook(
      config,
      addForwarderPayload("fallback@victim.example", "thief@evil.example"),
      NOBODY,
    );
    expect(fallback.code).toBe(0);
    expect(fallback.stdout).toBe("");
    const lines = fallback.stderr.split("\n").filter((line) => line !== "");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^spoor-cpanel-hook: spool not written as uid \d+: [A-Za-z]+: .+ \| event passed through error_log$/,
    );
    expect(lines[1]).toMatch(
      /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [+-]\d{4}\] info \[spoor_forward_added\] \{/,
    );
    await appendFile(stack.root.logPath("error"), fallback.stderr);

    const events = [hookEvent("hooked@victim.example"), hookEvent("fallback@victim.example")];
    const delivered = await settleDelivery(stack.receiver, stack.reporter, events, stack.root);
    expect(delivered.reports).toEqual([
      "forward_added_partial_recipient fallback@victim.example",
      "forward_added_partial_recipient hooked@victim.example",
    ]);
    expect(stack.agent.isRunning()).toBe(true);
  });
});
