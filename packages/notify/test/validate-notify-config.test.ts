import { thrownBy } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { NotifyConfigError, validateNotifyConfig } from "../src/index.js";

const secret = "0123456789abcdef0123";

function errorOf(raw: unknown): { key: string; message: string } {
  const { key, message } = thrownBy(() => validateNotifyConfig(raw), NotifyConfigError);
  return { key, message };
}

describe("validateNotifyConfig", () => {
  it("fills in the defaults of every channel type", () => {
    expect(
      validateNotifyConfig([
        { type: "webhook", url: "https://hooks.example.net/spoor", secret },
        {
          type: "email",
          smtp: "smtp://user:pa%40ss@mail.example.net:587",
          from: "spoor@example.net",
          to: ["abuse@example.net"],
          min_severity: "high",
        },
        { type: "command", name: "pager", path: "/usr/local/sbin/spoor-alert", max_per_hour: 10 },
      ]),
    ).toEqual([
      {
        type: "webhook",
        name: "webhook-1",
        min_severity: "medium",
        max_per_hour: 30,
        timeout_ms: 10000,
        url: "https://hooks.example.net/spoor",
        secret,
      },
      {
        type: "email",
        name: "email-2",
        min_severity: "high",
        max_per_hour: 30,
        timeout_ms: 10000,
        smtp: "smtp://user:pa%40ss@mail.example.net:587",
        from: "spoor@example.net",
        to: ["abuse@example.net"],
        require_tls: false,
      },
      {
        type: "command",
        name: "pager",
        min_severity: "medium",
        max_per_hour: 10,
        timeout_ms: 10000,
        path: "/usr/local/sbin/spoor-alert",
        args: [],
      },
    ]);
  });

  it("treats a missing notify list as no channel", () => {
    expect(validateNotifyConfig(undefined)).toEqual([]);
    expect(validateNotifyConfig(null)).toEqual([]);
  });

  it.each([
    [{}, "notify", "must be a list of channels"],
    [[{ type: "pigeon" }], "notify[0].type", "must be webhook, email or command"],
    [
      [{ type: "webhook", url: "https://x.example", secret, colour: "red" }],
      "notify[0].colour",
      "is not a known key",
    ],
    [
      [{ type: "webhook", url: "ftp://x.example", secret }],
      "notify[0].url",
      "must start with https: or http:",
    ],
    [
      [{ type: "webhook", url: "https://u:p@x.example", secret }],
      "notify[0].url",
      "must not carry credentials",
    ],
    [
      [{ type: "webhook", url: "https://x.example", secret: "short" }],
      "notify[0].secret",
      "at least 16",
    ],
    [
      [{ type: "webhook", url: "https://x.example", secret, min_severity: "urgent" }],
      "notify[0].min_severity",
      "info, low, medium, high",
    ],
    [
      [{ type: "webhook", url: "https://x.example", secret, max_per_hour: 0 }],
      "notify[0].max_per_hour",
      "from 1 to 100000",
    ],
    [
      [{ type: "webhook", url: "https://x.example", secret, timeout_ms: "5s" }],
      "notify[0].timeout_ms",
      "integer",
    ],
    [
      [{ type: "email", smtp: "http://mail.example", from: "a@b.example", to: ["c@d.example"] }],
      "notify[0].smtp",
      "smtp: or smtps:",
    ],
    [
      [
        {
          type: "email",
          smtp: "smtp://mail.example",
          from: "a@b.example\r\nBcc: x@evil.example",
          to: ["c@d.example"],
        },
      ],
      "notify[0].from",
      "control characters",
    ],
    [
      [
        {
          type: "email",
          smtp: "smtp://mail.example",
          from: "a@b.example",
          to: ["c@d.example, x@evil.example"],
        },
      ],
      "notify[0].to[0]",
      "plain mail address",
    ],
    [
      [{ type: "email", smtp: "smtp://mail.example", from: "a@b.example", to: [] }],
      "notify[0].to",
      "names no recipient",
    ],
    [
      [
        {
          type: "email",
          smtp: "smtp://mail.example",
          from: "a@b.example",
          to: ["c@d.example"],
          require_tls: "yes",
        },
      ],
      "notify[0].require_tls",
      "true or false",
    ],
    [[{ type: "command", path: "spoor-alert" }], "notify[0].path", "absolute path"],
    [[{ type: "command", path: "/usr/../tmp/x" }], "notify[0].path", "absolute path"],
    [
      [{ type: "command", path: "/bin/true", args: ["ok", 3] }],
      "notify[0].args[1]",
      "non-empty string",
    ],
    [[{ type: "command", path: "/bin/true", name: "a b" }], "notify[0].name", "letters, digits"],
    [
      [
        { type: "command", path: "/bin/true" },
        { type: "command", path: "/bin/true", name: "command-1" },
      ],
      "notify[1].name",
      "command-1 is used twice",
    ],
    [["webhook"], "notify[0]", "must be a mapping"],
  ])("names the bad key of %j", (raw, key, message) => {
    const error = errorOf(raw);
    expect(error.key).toBe(key);
    expect(error.message).toContain(message);
  });

  it("never repeats a secret in its message", () => {
    const error = errorOf([{ type: "webhook", url: "https://x.example", secret: "tiny\u0001" }]);
    expect(error.message).not.toContain("tiny");
  });
});
