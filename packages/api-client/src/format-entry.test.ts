import { EVENT_CATALOGUE } from "@spoor/parsers/events";
import { originalEntry } from "@spoor/test-support";
import { describe, expect, it } from "vitest";
import { formatEntry } from "./format-entry.js";

const HOST = "foo.host.com";

describe("formatEntry: the original's four events (original.md §3.6)", () => {
  it("maps a webmail login (L1) to type, time, ip, mailbox_address, context, host", () => {
    const entry = { ...originalEntry("L1"), id: "0123456789abcdef0123456789abcdef" };
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "login",
      time: 1537372956,
      ip: "10.10.10.10",
      mailbox_address: "rorymckinley@blah.capefox.co",
      context: "mailbox",
      host: HOST,
    });
  });

  it("maps forward_added_partial_ip (A1) like a login", () => {
    const entry = originalEntry("A1");
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "forward_added_partial_ip",
      time: 1539625647,
      ip: "10.10.10.10",
      mailbox_address: "rorymckinley@blah.capefox.co",
      context: "mailbox",
      host: HOST,
    });
  });

  it("maps forward_added_partial_recipient (E1) with email and forward_to, and no ip", () => {
    const entry = { ...originalEntry("E1"), ip: "10.0.0.1" };
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "forward_added_partial_recipient",
      time: 1549794257,
      mailbox_address: "victim@spoor.test",
      forward_recipient: "dodgy@dodgydomain.test",
      context: "mailbox",
      host: HOST,
    });
  });

  it("maps forward_removed (R1) with credential, forward_recipient and ip", () => {
    const entry = originalEntry("R1");
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "forward_removed",
      time: 1551782317,
      mailbox_address: "rorymckinley@blah.capefox.co",
      forward_recipient: "rorymckinley+cpanel@gmail.com",
      ip: "10.10.10.10",
      context: "mailbox",
      host: HOST,
    });
  });

  it("passes context through whatever its value", () => {
    const entry = {
      event: "login",
      log_time: 1,
      ip: "::1",
      credential: "a@b.c",
      context: "foobar",
    };
    expect(formatEntry(entry, HOST)?.context).toBe("foobar");
  });

  it("leaves out fields that are missing or of the wrong type", () => {
    const entry = { event: "login", log_time: "1537372956", ip: 42, credential: "a@b.c" };
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "login",
      mailbox_address: "a@b.c",
      host: HOST,
    });
  });
});

describe("formatEntry: the hook's own kinds", () => {
  it("maps a forward event with email and forward_to, no ip", () => {
    const entry = {
      type: "error",
      event: "forward_removed_recipient",
      log_time: 1723830000,
      email: "victim@example.com",
      forward_to: "thief@evil.test",
      context: "mailbox",
      ip: "10.1.1.1",
    };
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "forward_removed_recipient",
      time: 1723830000,
      mailbox_address: "victim@example.com",
      forward_recipient: "thief@evil.test",
      context: "mailbox",
      host: HOST,
    });
  });

  it("maps a mailbox event without a recipient, falling back to credential", () => {
    const entry = {
      event: "mailbox_password_changed",
      log_time: 1723830001,
      credential: "victim@example.com",
      context: "mailbox",
    };
    expect(formatEntry(entry, HOST)).toStrictEqual({
      type: "mailbox_password_changed",
      time: 1723830001,
      mailbox_address: "victim@example.com",
      context: "mailbox",
      host: HOST,
    });
  });

  it("passes domain and filter_name of the hook kinds through", () => {
    const forward = {
      event: "domain_forward_added",
      log_time: 1723830002,
      email: "owner",
      domain: "example.net",
      forward_to: "evil.example",
      context: "domain",
    };
    const filter = {
      event: "filter_stored",
      log_time: 1,
      email: "a@b.c",
      filter_name: "x",
      context: "mailbox",
    };
    expect([formatEntry(forward, HOST), formatEntry(filter, HOST)]).toStrictEqual([
      {
        type: "domain_forward_added",
        time: 1723830002,
        mailbox_address: "owner",
        forward_recipient: "evil.example",
        domain: "example.net",
        context: "domain",
        host: HOST,
      },
      {
        type: "filter_stored",
        time: 1,
        mailbox_address: "a@b.c",
        filter_name: "x",
        context: "mailbox",
        host: HOST,
      },
    ]);
  });

  it("has a wire format for every event of the catalogue in @spoor/parsers", () => {
    const names = EVENT_CATALOGUE.map((spec) => spec.name);
    expect(names).toHaveLength(15);
    const types = names.map((event) => formatEntry({ event, log_time: 5 }, HOST)?.type);
    expect(types).toStrictEqual(names);
  });
});

describe("formatEntry: nothing to send", () => {
  it.each([
    [{ type: "access", event: "unrecognised" }],
    [{ type: "login", event: "logout" }],
    [{ type: "login" }],
    [{ event: 7 }],
    [{ event: "toString" }],
  ])("returns undefined for %j", (entry) => {
    expect(formatEntry(entry, HOST)).toBeUndefined();
  });
});
