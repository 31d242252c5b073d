import { afterEach, describe, expect, it } from "vitest";
import { bodyOf, rawExchange, runCleanups, serverWithClient, statusOf } from "./helpers.js";

afterEach(runCleanups);

// The bytes App::Spoor 0.08 sends (original-wire.md), with the port and body put in.
function perlPost(port: number, authorization: string, body: Buffer): Buffer {
  const head =
    "POST /api/reports HTTP/1.1\r\n" +
    "TE: deflate,gzip;q=0.3\r\n" +
    "Connection: TE, close\r\n" +
    `Authorization: ${authorization}\r\n` +
    `Host: 127.0.0.1:${port}\r\n` +
    "User-Agent: libwww-perl/6.68\r\n" +
    `Content-Length: ${body.length}\r\n` +
    "Content-Type: application/json\r\n\r\n";
  return Buffer.concat([Buffer.from(head, "latin1"), body]);
}

function perlGet(port: number, authorization: string, path: string): string {
  return (
    `GET ${path} HTTP/1.1\r\nTE: deflate,gzip;q=0.3\r\nConnection: TE, close\r\n` +
    `Authorization: ${authorization}\r\nHost: 127.0.0.1:${port}\r\n` +
    "User-Agent: libwww-perl/6.68\r\nHTTP-Accept: application/json\r\n\r\n"
  );
}

const REMOVAL =
  '{"report":{"entries":[{"ip":"10.10.10.10","forward_recipient":"rorymckinley+cpanel@gmail.com","mailbox_address":"rorymckinley@blah.capefox.co","type":"forward_removed","host":"vm","context":"mailbox","time":1551782317}],"metadata":{"reporter":"vm"}}}';
const REMOVAL_REORDERED =
  '{"report":{"metadata":{"reporter":"vm"},"entries":[{"time":1551782317,"context":"mailbox","host":"vm","type":"forward_removed","mailbox_address":"rorymckinley@blah.capefox.co","forward_recipient":"rorymckinley+cpanel@gmail.com","ip":"10.10.10.10"}]}}';
const LOGIN_LATIN1 = Buffer.concat([
  Buffer.from(
    '{"report":{"metadata":{"reporter":"vm"},"entries":[{"type":"login","host":"vm","context":"mailbox","time":1537372956,"mailbox_address":"r',
    "latin1",
  ),
  Buffer.from([0xe9]),
  Buffer.from('my@blah.capefox.co","ip":"10.10.10.10"}]}}', "latin1"),
]);

describe("the Perl original's exact requests", () => {
  it("accepts the Basic token with a trailing space, and the recorded report body", async () => {
    const { server } = await serverWithClient();
    const answer = await rawExchange(
      server.url,
      perlPost(server.port, "Basic dXNlcjEyMzpzZWNyZXQ= ", Buffer.from(REMOVAL)),
    );
    expect(statusOf(answer)).toBe(202);
    expect(bodyOf(answer)).toMatchObject({ status: "accepted" });
  });

  it("accepts credentials over 57 bytes, whose token has a space inside it", async () => {
    const { server } = await serverWithClient({
      credentials: [
        {
          identifier: "spoor-identifier-0123456789abcdef",
          secret: "a-much-longer-secret-0123456789abcdef",
        },
      ],
    });
    const token =
      "Basic c3Bvb3ItaWRlbnRpZmllci0wMTIzNDU2Nzg5YWJjZGVmOmEtbXVjaC1sb25nZXItc2VjcmV0LTAx MjM0NTY3ODlhYmNkZWY= ";
    const answer = await rawExchange(
      server.url,
      perlPost(server.port, token, Buffer.from(REMOVAL)),
    );
    expect(statusOf(answer)).toBe(202);
    const list = await rawExchange(
      server.url,
      perlGet(server.port, token, "/api/mailbox_events?mailbox_events%5Bhost%5D=vm"),
    );
    expect(statusOf(list)).toBe(200);
    expect((bodyOf(list) as { mailbox_events: unknown[] }).mailbox_events).toHaveLength(1);
  });

  it("reads a body that is not UTF-8 as Latin-1, keeps é, and counts it", async () => {
    const { server } = await serverWithClient();
    const answer = await rawExchange(
      server.url,
      perlPost(server.port, "Basic dXNlcjEyMzpzZWNyZXQ= ", LOGIN_LATIN1),
    );
    expect(statusOf(answer)).toBe(202);
    const list = await rawExchange(
      server.url,
      perlGet(server.port, "Basic dXNlcjEyMzpzZWNyZXQ= ", "/api/reports?reports%5Bhost%5D=vm"),
    );
    expect(bodyOf(list)).toMatchObject({
      reports: [{ mailbox_address: "rémy@blah.capefox.co", type: "login", host: "vm" }],
    });
    expect((await server.stats()).latin1_bodies).toBe(1);
  });

  it("collapses a re-send without Idempotency-Key whose keys came in another order", async () => {
    const { server } = await serverWithClient();
    for (const body of [REMOVAL, REMOVAL_REORDERED, REMOVAL]) {
      const answer = await rawExchange(
        server.url,
        perlPost(server.port, "Basic dXNlcjEyMzpzZWNyZXQ= ", Buffer.from(body)),
      );
      expect(statusOf(answer)).toBe(202);
    }
    expect(await server.stats()).toMatchObject({
      reports: 1,
      mailbox_events: 1,
      duplicates_collapsed: 2,
    });
    const list = await rawExchange(
      server.url,
      perlGet(server.port, "Basic dXNlcjEyMzpzZWNyZXQ= ", "/api/reports?reports%5Bhost%5D=vm"),
    );
    expect(bodyOf(list)).toStrictEqual({
      reports: [
        {
          id: 1,
          event_time: 1551782317,
          host: "vm",
          type: "forward_removed",
          mailbox_address: "rorymckinley@blah.capefox.co",
          forward_recipient: "rorymckinley+cpanel@gmail.com",
        },
      ],
    });
  });

  it("answers the list GETs with a host needing encoding", async () => {
    const { client, server } = await serverWithClient();
    await client.sendReport(
      { type: "login", time: 1, host: "cp1+a b&c=d.example", mailbox_address: "a@b.c" },
      { idempotencyKey: "k1", reporter: "cp1+a b&c=d.example" },
    );
    const list = await rawExchange(
      server.url,
      perlGet(
        server.port,
        "Basic dXNlcjEyMzpzZWNyZXQ= ",
        "/api/reports?reports%5Bhost%5D=cp1%2Ba%20b%26c%3Dd.example",
      ),
    );
    expect(
      (bodyOf(list) as { reports: Array<{ host: string }> }).reports.map((r) => r.host),
    ).toStrictEqual(["cp1+a b&c=d.example"]);
  });
});
