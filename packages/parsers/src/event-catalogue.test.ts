import { describe, expect, it } from "vitest";
import { hookData, hookLine } from "../test/samples.js";
import type { ParsedEntry } from "./entry.js";
import { parseErrorLine } from "./error.js";
import {
  DEFAULT_HOOK_EVENTS,
  EVENT_CATALOGUE,
  findEvent,
  HOOK_EVENTS,
  ORIGINAL_EVENTS,
} from "./event-catalogue.js";
import { isInteresting } from "./is-interesting.js";

describe("the event catalogue", () => {
  it("names every event once", () => {
    const names = EVENT_CATALOGUE.map((spec) => spec.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(15);
    expect(findEvent("mailbox_created")).toEqual({
      name: "mailbox_created",
      logs: ["error"],
      spooledByDefault: false,
      hook: "opt-in",
    });
    expect(findEvent("unrecognised")).toBeUndefined();
  });

  it("spools the original's four kinds by default and registers its two forwarder hooks", () => {
    expect([...ORIGINAL_EVENTS].sort()).toEqual([
      "forward_added_partial_ip",
      "forward_added_partial_recipient",
      "forward_removed",
      "login",
    ]);
    expect(DEFAULT_HOOK_EVENTS).toEqual([
      "forward_added_partial_recipient",
      "forward_removed_recipient",
    ]);
  });

  it("agrees with isInteresting: default kinds without opting in, the others only when named", () => {
    for (const spec of EVENT_CATALOGUE) {
      const entry: ParsedEntry = {
        type: spec.logs[0]!,
        event: spec.name,
        status: "success",
        context: "mailbox",
        forward_type: "email",
      };
      expect([spec.name, isInteresting(entry)]).toEqual([spec.name, spec.spooledByDefault]);
      expect(isInteresting(entry, { extraEvents: [spec.name] })).toBe(true);
    }
  });

  it("lists as hook events exactly those the error parser reads from a [spoor_<event>] line", () => {
    for (const spec of EVENT_CATALOGUE) {
      const tag = spec.name === "forward_added_partial_recipient" ? "forward_added" : spec.name;
      const entry = parseErrorLine(hookLine(tag, { ...hookData(), user: "owner" }));
      expect([spec.name, entry.event]).toEqual([
        spec.name,
        spec.hook === undefined ? "unrecognised" : spec.name,
      ]);
      if (spec.hook !== undefined) expect(spec.logs).toEqual([entry.type]);
    }
    expect(HOOK_EVENTS).toEqual(
      EVENT_CATALOGUE.filter((spec) => spec.hook !== undefined).map((spec) => spec.name),
    );
  });
});
