import { describe, expect, it } from "vitest";
import { cleanText, decideAgentSilent, eventClass, validateRulesConfig } from "../src/index.js";
import { CORRELATION_SCENARIOS, createMemoryEngine } from "../src/memory.js";
import { HOSTILE_MAILBOX } from "../src/scenarios/takeover-scenarios.js";
import { unlabel } from "./helpers.js";

const rules = validateRulesConfig({});

function alertsOf(name: string) {
  const engine = createMemoryEngine();
  for (const event of CORRELATION_SCENARIOS.find((s) => s.name === name)!.events)
    engine.ingest(unlabel(event));
  return engine.alerts();
}

describe("summaries", () => {
  it("says what happened, to whom, from where, in one sentence", () => {
    const takeover = alertsOf("takeover: classic").find((a) => a.rule === "takeover-sequence")!;
    expect(takeover.summary).toBe(
      "alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500 Example Hosting, NL), never seen for this mailbox in 30 days",
    );
    expect(takeover).toMatchObject({
      severity: "high",
      hosts: ["web1"],
      mailbox_addresses: ["alice@example.com"],
      ips: ["203.0.113.77"],
      forward_recipients: ["attacker@evil.example"],
    });
    const churn = alertsOf("takeover: forwarder churn").find((a) => a.rule === "forwarder-churn")!;
    expect(churn.summary).toBe(
      "carol@example.com on web1: forwarder to copy@evil.example added from 198.51.100.30 (AS64496 Home ISP, DE) and removed again 10 min later; mail may have been copied out meanwhile",
    );
  });

  it("keeps hostile fields as data: no control or bidi characters, bounded length", () => {
    const alerts = alertsOf("takeover: hostile strings stay data");
    expect(alerts.map((a) => a.rule).sort()).toEqual([
      "external-forwarder",
      "novel-login",
      "takeover-sequence",
    ]);
    for (const alert of alerts) {
      expect(alert.mailbox_addresses).toEqual([HOSTILE_MAILBOX]);
      const unsafe = [...alert.summary].filter((c) => {
        const code = c.codePointAt(0)!;
        return (
          code < 0x20 ||
          (code >= 0x7f && code <= 0x9f) ||
          (code >= 0x202a && code <= 0x202e) ||
          (code >= 0x2066 && code <= 0x2069)
        );
      });
      expect(unsafe).toEqual([]);
      expect(alert.summary.length).toBeLessThan(600);
    }
    expect(cleanText("a\nb\u202ec\u0000")).toBe("a?b?c?");
    expect(cleanText("x".repeat(500), 10)).toBe(`${"x".repeat(9)}…`);
    expect(cleanText(null)).toBe("?");
  });
});

describe("eventClass", () => {
  it("marks evidence of a high alert probably malicious unless an analyst assessed it", () => {
    expect(eventClass({ assessed: null, alertSeverities: ["info", "high"] })).toBe(
      "probably_malicious",
    );
    expect(eventClass({ assessed: null, alertSeverities: ["medium"] })).toBeNull();
    expect(eventClass({ assessed: null, alertSeverities: [] })).toBeNull();
    expect(eventClass({ assessed: "benign", alertSeverities: ["high"] })).toBe("benign");
    expect(eventClass({ assessed: "confirmed_malicious", alertSeverities: [] })).toBe(
      "confirmed_malicious",
    );
  });
});

describe("decideAgentSilent", () => {
  it("is silent after 10 minutes without a heartbeat, only for a host that sent one", () => {
    expect(decideAgentSilent({ host: "web1", lastHeartbeat: 1000, now: 1720 }, rules)).toEqual({
      silent: true,
      severity: "medium",
      silentSeconds: 720,
      summary:
        "web1: no heartbeat from the spoor agent for 12 min; check that spoor's agent is running there",
    });
    expect(decideAgentSilent({ host: "web1", lastHeartbeat: 1000, now: 1599 }, rules)).toEqual({
      silent: false,
    });
    expect(
      decideAgentSilent({ host: "web1", lastHeartbeat: 1000, now: 1600 }, rules),
    ).toMatchObject({ silent: true });
    expect(decideAgentSilent({ host: "web1", lastHeartbeat: null, now: 99_999 }, rules)).toEqual({
      silent: false,
    });
    expect(decideAgentSilent({ host: "web1", lastHeartbeat: 5000, now: 1000 }, rules)).toEqual({
      silent: false,
    });
    const off = validateRulesConfig({ "agent-silent": { enabled: false } });
    expect(decideAgentSilent({ host: "web1", lastHeartbeat: 0, now: 99_999 }, off)).toEqual({
      silent: false,
    });
    const fast = validateRulesConfig({ "agent-silent": { silent_minutes: 1 } });
    expect(decideAgentSilent({ host: "w\n1", lastHeartbeat: 0, now: 61 }, fast)).toMatchObject({
      silent: true,
      summary: expect.stringMatching(/^w\?1: /),
    });
  });
});
