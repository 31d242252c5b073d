import { describe, expect, it } from "vitest";
import { DEFAULT_RULES, RULE_IDS, RuleConfigError, validateRulesConfig } from "../src/index.js";

describe("validateRulesConfig", () => {
  it("fills in the defaults of server.md §4", () => {
    const rules = validateRulesConfig(undefined);
    expect(Object.keys(rules)).toEqual([...RULE_IDS]);
    expect(rules["novel-login"]).toEqual({
      enabled: true,
      severity: "info",
      window_days: 30,
      min_history_days: 7,
    });
    expect(rules["ip-spray"]).toEqual({
      enabled: true,
      severity: "high",
      min_mailboxes: 5,
      window_minutes: 60,
    });
    expect(validateRulesConfig(null)).toEqual(DEFAULT_RULES);
  });

  it("takes thresholds, severity and enabled per rule", () => {
    const rules = validateRulesConfig({
      "ip-spray": { min_mailboxes: 10 },
      "login-burst": { enabled: false, severity: "high" },
    });
    expect(rules["ip-spray"].min_mailboxes).toBe(10);
    expect(rules["ip-spray"].window_minutes).toBe(60);
    expect(rules["login-burst"]).toMatchObject({
      enabled: false,
      severity: "high",
      min_networks: 3,
    });
  });

  it.each([
    [
      { "ip-sprey": {} },
      "rules.ip-sprey: unknown rule (known: novel-login, external-forwarder, login-burst, takeover-sequence, forwarder-churn, shared-destination, ip-spray, agent-silent)",
    ],
    [
      { "ip-spray": { min_mailbox: 3 } },
      "rules.ip-spray.min_mailbox: unknown key (known: enabled, severity, min_mailboxes, window_minutes)",
    ],
    [
      { "ip-spray": { min_mailboxes: 0 } },
      "rules.ip-spray.min_mailboxes: must be a whole number from 1 to 1000000",
    ],
    [
      { "ip-spray": { min_mailboxes: "5" } },
      "rules.ip-spray.min_mailboxes: must be a whole number from 1 to 1000000",
    ],
    [{ "ip-spray": { enabled: "yes" } }, "rules.ip-spray.enabled: must be true or false"],
    [
      { "ip-spray": { severity: "critical" } },
      "rules.ip-spray.severity: must be one of info, low, medium, high",
    ],
    [{ "ip-spray": [] }, "rules.ip-spray: must be a mapping"],
    [["novel-login"], "rules: must be a mapping of rule id to settings"],
  ])("rejects %j naming the key", (config, message) => {
    expect(() => validateRulesConfig(config)).toThrow(RuleConfigError);
    expect(() => validateRulesConfig(config)).toThrow(message);
  });

  it("carries the offending path", () => {
    try {
      validateRulesConfig({ "novel-login": { window_day: 3 } });
      expect.unreachable();
    } catch (error) {
      expect((error as RuleConfigError).path).toBe("rules.novel-login.window_day");
    }
  });

  it("does not read inherited keys as settings", () => {
    expect(() =>
      validateRulesConfig({ "ip-spray": JSON.parse('{"__proto__": {"x": 1}}') }),
    ).toThrow("rules.ip-spray.__proto__: unknown key");
  });
});
