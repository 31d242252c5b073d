import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, parseLogLevel } from "./logger.js";

function capture() {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk.toString("utf8")));
  const lines = () =>
    chunks
      .join("")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { stream, lines };
}

const fixed = () => new Date("2024-08-16T17:52:58.000Z");

describe("createLogger", () => {
  it("writes one JSON object per line with time, level, msg, bindings and fields", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ stream, now: fixed, bindings: { component: "follower" } });
    logger.info("spooled", { entries: 2 });
    logger.child({ type: "access" }).warn("paused", { queued: 5 });
    expect(lines()).toEqual([
      {
        time: "2024-08-16T17:52:58.000Z",
        level: "info",
        msg: "spooled",
        component: "follower",
        entries: 2,
      },
      {
        time: "2024-08-16T17:52:58.000Z",
        level: "warn",
        msg: "paused",
        component: "follower",
        type: "access",
        queued: 5,
      },
    ]);
  });

  it("drops lines below the level and keeps reserved keys from being overwritten", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ stream, now: fixed, level: "warn" });
    logger.debug("hidden");
    logger.info("hidden");
    logger.error("shown", { level: "debug", msg: "spoof", time: "x" });
    expect(lines()).toEqual([{ time: "2024-08-16T17:52:58.000Z", level: "error", msg: "shown" }]);
  });

  it("redacts secrets at any depth, masks Basic credentials in text and strips stacks", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ stream, now: fixed });
    const error = Object.assign(new Error("refused: Authorization: Basic QUJDOnNlY3JldA=="), {
      code: "ECONNREFUSED",
    });
    logger.error("failed", {
      api_secret: "s3cret",
      transmission: { credentials: { api_identifier: "ID", api_secret: "s3cret" } },
      headers: { Authorization: "Basic QUJDOnNlY3JldA==", "Content-Type": "application/json" },
      error,
    });
    const [line] = lines();
    expect(line).toEqual({
      time: "2024-08-16T17:52:58.000Z",
      level: "error",
      msg: "failed",
      api_secret: "[redacted]",
      transmission: { credentials: "[redacted]" },
      headers: { Authorization: "[redacted]", "Content-Type": "application/json" },
      error: {
        name: "Error",
        message: "refused: Authorization: Basic ****",
        code: "ECONNREFUSED",
      },
    });
    expect(JSON.stringify(line)).not.toContain("QUJD");
  });

  it("cuts long strings so a whole log line can never be dumped", () => {
    const { stream, lines } = capture();
    createLogger({ stream, now: fixed }).info("x", { text: "a".repeat(2000) });
    expect(lines()).toEqual([
      { time: "2024-08-16T17:52:58.000Z", level: "info", msg: "x", text: `${"a".repeat(500)}…` },
    ]);
  });
});

describe("parseLogLevel", () => {
  it("accepts the four levels and falls back otherwise", () => {
    expect(
      ["debug", "info", "warn", "error", "loud", undefined].map((v) => parseLogLevel(v)),
    ).toEqual(["debug", "info", "warn", "error", "info", "info"]);
  });
});
