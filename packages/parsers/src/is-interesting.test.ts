import { describe, expect, it } from "vitest";
import { A, E, INTERESTING, L, R } from "../test/samples.js";
import type { ParsedEntry } from "./entry.js";
import { isInteresting } from "./is-interesting.js";
import { parseLine } from "./parse-line.js";

describe("isInteresting (contract §3)", () => {
  it("keeps exactly A1, R1, L1 and E1 among the original's sample lines", () => {
    const kept = [
      ...Object.entries(A).map(([name, line]) => [name, parseLine("access", line)] as const),
      ...Object.entries(R).map(([name, line]) => [name, parseLine("access", line)] as const),
      ...Object.entries(L).map(([name, line]) => [name, parseLine("login", line)] as const),
      ...Object.entries(E).map(([name, line]) => [name, parseLine("error", line)] as const),
    ]
      .filter(([, entry]) => isInteresting(entry))
      .map(([name]) => name);
    expect(kept).toStrictEqual(["A1", "R1", "L1", "E1"]);
  });

  it("keeps every line of the interesting samples", () => {
    for (const [type, lines] of Object.entries(INTERESTING)) {
      for (const line of lines) {
        expect(isInteresting(parseLine(type as ParsedEntry["type"], line))).toBe(true);
      }
    }
  });

  it("needs success, mailbox and (for the recipient event) forward_type email", () => {
    const base = { type: "access", status: "success", context: "mailbox" } as const;
    expect(isInteresting({ ...base, event: "forward_added_partial_ip" })).toBe(true);
    expect(isInteresting({ ...base, event: "forward_removed" })).toBe(true);
    expect(isInteresting({ ...base, type: "login", event: "login" })).toBe(true);
    expect(isInteresting({ ...base, event: "forward_added_partial_ip", status: "failed" })).toBe(
      false,
    );
    expect(isInteresting({ ...base, event: "forward_removed", context: "domain" })).toBe(false);
    expect(isInteresting({ type: "login", event: "login", status: "success" })).toBe(false);
    const recipient = { ...base, type: "error", event: "forward_added_partial_recipient" } as const;
    expect(isInteresting({ ...recipient, forward_type: "email" })).toBe(true);
    expect(isInteresting({ ...recipient, forward_type: "pipe" })).toBe(false);
    expect(isInteresting(recipient)).toBe(false);
    expect(isInteresting({ ...base, event: "unrecognised" })).toBe(false);
    expect(isInteresting({ ...base, event: "mailbox_created" })).toBe(false);
  });

  it("adds opted-in events with status success, never unrecognised", () => {
    const extraEvents = ["forward_removed_recipient", "login", "unrecognised"];
    const removal = {
      type: "error",
      event: "forward_removed_recipient",
      context: "unrecognised",
    } as const;
    expect(isInteresting({ ...removal, status: "success" }, { extraEvents })).toBe(true);
    expect(isInteresting({ ...removal, status: "success" })).toBe(false);
    expect(isInteresting({ ...removal, status: "failed" }, { extraEvents })).toBe(false);
    expect(isInteresting(removal, { extraEvents })).toBe(false);
    expect(isInteresting(parseLine("login", L.L4), { extraEvents })).toBe(true);
    expect(isInteresting(parseLine("login", L.L5), { extraEvents })).toBe(false);
    expect(isInteresting(parseLine("access", A.A2), { extraEvents })).toBe(false);
    expect(isInteresting(parseLine("access", A.A2), { extraEvents: [] })).toBe(false);
  });
});
