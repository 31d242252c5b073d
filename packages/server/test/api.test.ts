import { afterEach, describe, expect, it } from "vitest";
import { cleanups, runCleanups, serverWithClient } from "./helpers.js";

afterEach(runCleanups);

const login = {
  type: "login",
  time: 1555588110,
  ip: "10.10.10.10",
  mailbox_address: "a@b.c",
  context: "mailbox",
  host: "host1",
};
const removal = {
  type: "forward_removed",
  time: 1555513150,
  mailbox_address: "a@b.c",
  forward_recipient: "thief@evil.test",
  context: "mailbox",
  host: "host1",
};

describe("the server through @spoor/api-client", () => {
  it("accepts reports and lists them newest first, filtered by host", async () => {
    const { client, server } = await serverWithClient();
    await client.sendReport(login, { idempotencyKey: "k1", reporter: "host1" });
    await client.sendReport(removal, { idempotencyKey: "k2", reporter: "host1" });
    await client.sendReport(
      { ...login, host: "host2" },
      { idempotencyKey: "k3", reporter: "host2" },
    );
    expect(await client.listReports("host1")).toStrictEqual([
      {
        id: 2,
        event_time: 1555513150,
        host: "host1",
        type: "forward_removed",
        mailbox_address: "a@b.c",
        forward_recipient: "thief@evil.test",
      },
      {
        id: 1,
        event_time: 1555588110,
        host: "host1",
        type: "login",
        mailbox_address: "a@b.c",
        forward_recipient: null,
      },
    ]);
    expect(await client.listMailboxEvents("host1")).toStrictEqual([
      {
        id: 2,
        event_time: 1555513150,
        host: "host1",
        type: "forward_removed",
        mailbox_address: "a@b.c",
        ip_actor: { ip_address: null, network: null, asn: null, as_name: null, country: null },
        forward_recipient: "thief@evil.test",
        class: null,
        alert_ids: [],
      },
      {
        id: 1,
        event_time: 1555588110,
        host: "host1",
        type: "login",
        mailbox_address: "a@b.c",
        ip_actor: {
          ip_address: "10.10.10.10",
          network: "10.10.10.0/24",
          asn: null,
          as_name: null,
          country: null,
        },
        forward_recipient: null,
        class: null,
        alert_ids: [],
      },
    ]);
    expect(await client.listReports("nobody")).toStrictEqual([]);
    expect(await server.stats()).toMatchObject({
      reports: 3,
      mailbox_events: 3,
      duplicates_collapsed: 0,
    });
  });

  it("stores non-ASCII entries as sent", async () => {
    const { client } = await serverWithClient();
    const entry = { ...login, mailbox_address: "josé@exämple.com", host: "hôte" };
    await client.sendReport(entry, { idempotencyKey: "k", reporter: "hôte" });
    expect((await client.listReports("hôte"))[0]?.mailbox_address).toBe("josé@exämple.com");
  });

  it("uses the reporter as host for an entry without one, and null for a missing time", async () => {
    const { client } = await serverWithClient();
    await client.sendReport(
      { type: "mailbox_created", host: "" },
      {
        idempotencyKey: "k",
        reporter: "reporter-host",
      },
    );
    expect(await client.listReports("reporter-host")).toStrictEqual([
      {
        id: 1,
        event_time: null,
        host: "reporter-host",
        type: "mailbox_created",
        mailbox_address: null,
        forward_recipient: null,
      },
    ]);
  });
});

describe("Idempotency-Key de-duplication", () => {
  it("answers 202 to a repeated key without storing twice, and counts it", async () => {
    const { client, server } = await serverWithClient();
    for (let i = 0; i < 3; i++) {
      await client.sendReport(login, { idempotencyKey: "same-key", reporter: "host1" });
    }
    await client.sendReport(removal, { idempotencyKey: "other-key", reporter: "host1" });
    expect(await server.stats()).toMatchObject({
      reports: 2,
      mailbox_events: 2,
      duplicates_collapsed: 2,
    });
    expect((await client.listReports("host1")).map((r) => r.type)).toStrictEqual([
      "forward_removed",
      "login",
    ]);
  });

  it("keeps keys apart per identifier", async () => {
    const { server } = await serverWithClient({
      credentials: [
        { identifier: "user123", secret: "secret" },
        { identifier: "other", secret: "pw" },
      ],
    });
    const { createApiClient } = await import("@spoor/api-client");
    for (const [id, secret] of [
      ["user123", "secret"],
      ["other", "pw"],
    ] as const) {
      const client = createApiClient({
        host: server.url,
        credentials: { api_identifier: id, api_secret: secret },
      });
      cleanups.push(() => client.close());
      await client.sendReport(login, { idempotencyKey: "shared", reporter: "host1" });
    }
    expect(await server.stats()).toMatchObject({
      reports: 2,
      mailbox_events: 2,
      duplicates_collapsed: 0,
    });
  });

  it("refuses a key reused for a different report with 422", async () => {
    const { client, server } = await serverWithClient();
    await client.sendReport(login, { idempotencyKey: "k", reporter: "host1" });
    await expect(
      client.sendReport(removal, { idempotencyKey: "k", reporter: "host1" }),
    ).rejects.toMatchObject({
      kind: "http",
      status: 422,
      isRetryable: false,
      bodyExcerpt: '{"error":"this Idempotency-Key was already used for a different report"}',
    });
    expect(await server.stats()).toMatchObject({
      reports: 1,
      mailbox_events: 1,
      duplicates_collapsed: 0,
    });
  });
});
