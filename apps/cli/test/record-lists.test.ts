import { hostname } from "node:os";
import { fileURLToPath } from "node:url";
import { type ApiClient, createApiClient, type FormattedEntry } from "@spoor/api-client";
import { type ReceiverProcess, startReceiver } from "@spoor/test-support";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAnalystServer } from "./helpers/analyst-server.js";
import { runCli, runNode } from "./helpers/run-cli.js";
import { makeTempRoot, type TempRoot } from "./helpers/temp-root.js";

const ID = "cli-test";
const SECRET = "s3cret-Xq9!";
const HOST = "cp1.test";
const COMPAT_REPORTS = fileURLToPath(new URL("../bin/spoor_report_list.js", import.meta.url));
const COMPAT_EVENTS = fileURLToPath(new URL("../bin/spoor_mailbox_event_list.js", import.meta.url));

const ENTRIES: FormattedEntry[] = [
  {
    type: "login",
    time: 1555588110,
    ip: "10.10.10.10",
    mailbox_address: "rory@blah.capefox.co",
    context: "mailbox",
    host: HOST,
  },
  {
    type: "forward_added_partial_ip",
    time: 1555513150,
    ip: "2001:db8::1",
    mailbox_address: "jörg.müller@exämple.test",
    context: "mailbox",
    host: HOST,
  },
  {
    type: "forward_removed",
    time: 1555600000,
    ip: "10.0.0.2",
    mailbox_address: "名前@example.jp",
    forward_recipient: "x@y.test",
    context: "mailbox",
    host: HOST,
  },
];

let receiver: ReceiverProcess;
let root: TempRoot;

beforeAll(async () => {
  receiver = await startReceiver({ credentials: `${ID}:${SECRET}` });
  const client: ApiClient = createApiClient({
    host: receiver.url,
    credentials: { api_identifier: ID, api_secret: SECRET },
  });
  try {
    for (const [index, entry] of ENTRIES.entries()) {
      await client.sendReport(entry, { idempotencyKey: `key-${index}`, reporter: HOST });
    }
    await client.sendReport(
      {
        type: "login",
        time: 1555588110,
        ip: "10.9.9.9",
        mailbox_address: "else@where.test",
        context: "mailbox",
        host: "other.test",
      },
      { idempotencyKey: "key-other", reporter: "other.test" },
    );
  } finally {
    client.close();
  }
  root = await makeTempRoot({
    host: receiver.url,
    credentials: { api_identifier: ID, api_secret: SECRET },
  });
});

afterAll(async () => {
  await receiver?.stop();
  await root?.remove();
});

// The server keeps the removal's forward recipient; no event here is evidence of an alert,
// so the class column stays empty.
const REPORTS_CSV = [
  'id,"event time",host,"event type","mailbox address","forward recipient"',
  '3,"2019-04-18 15:06:40 +0000",cp1.test,forward_removed,名前@example.jp,x@y.test',
  '2,"2019-04-17 14:59:10 +0000",cp1.test,forward_added_partial_ip,jörg.müller@exämple.test,',
  '1,"2019-04-18 11:48:30 +0000",cp1.test,login,rory@blah.capefox.co,',
  "",
].join("\n");

const EVENTS_CSV = [
  'id,"event time",host,"event type","mailbox address",ip,"forward recipient",class',
  '3,"2019-04-18 15:06:40 +0000",cp1.test,forward_removed,名前@example.jp,10.0.0.2,x@y.test,',
  '2,"2019-04-17 14:59:10 +0000",cp1.test,forward_added_partial_ip,jörg.müller@exämple.test,2001:db8::1,,',
  '1,"2019-04-18 11:48:30 +0000",cp1.test,login,rory@blah.capefox.co,10.10.10.10,,',
  "",
].join("\n");

/** `spoor <command> list ...args`. */
function listRecords(command: "report" | "mailbox-event", ...args: string[]) {
  return runCli([command, "list", ...args]);
}

/** The records of HOST, asked with the test root's spoor.yml. */
function listOfHost(command: "report" | "mailbox-event", ...args: string[]) {
  return listRecords(command, "--root", root.root, "--host", HOST, ...args);
}

describe("spoor report list / spoor mailbox-event list against the receiver", () => {
  it("prints the reports as the original's CSV, non-ASCII rows kept", async () => {
    const result = await listOfHost("report");
    expect(result).toEqual({ code: 0, stdout: REPORTS_CSV, stderr: "" });
  });

  it("prints the mailbox events as CSV with the ip column", async () => {
    const result = await listRecords("mailbox-event", "--config", root.configPath, "--host", HOST);
    expect(result).toEqual({ code: 0, stdout: EVENTS_CSV, stderr: "" });
  });

  it("prints an aligned table with --output table", async () => {
    const result = await listOfHost("report", "--output", "table");
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "id  event time                 host      event type                mailbox address           forward recipient",
        "--  -------------------------  --------  ------------------------  ------------------------  -----------------",
        "3   2019-04-18 15:06:40 +0000  cp1.test  forward_removed           名前@example.jp           x@y.test",
        "2   2019-04-17 14:59:10 +0000  cp1.test  forward_added_partial_ip  jörg.müller@exämple.test",
        "1   2019-04-18 11:48:30 +0000  cp1.test  login                     rory@blah.capefox.co",
        "",
      ].join("\n"),
    );
  });

  it("prints the records as received with --output json", async () => {
    const result = await listOfHost("mailbox-event", "--output", "json");
    expect(result.code).toBe(0);
    // As the spoor server answers them: the ip_actor with its network (and whatever the
    // offline ASN data says of these addresses), the forward recipient, no class, no alerts.
    const networks: Record<string, string> = {
      "10.10.10.10": "10.10.10.0/24",
      "2001:db8::1": "2001:db8::/48",
      "10.0.0.2": "10.0.0.0/24",
    };
    expect(JSON.parse(result.stdout)).toEqual(
      [...ENTRIES].reverse().map((entry, index) => ({
        id: ENTRIES.length - index,
        event_time: entry.time,
        host: HOST,
        type: entry.type,
        mailbox_address: entry.mailbox_address,
        ip_actor: expect.objectContaining({
          ip_address: entry.ip,
          network: networks[entry.ip as string],
        }),
        forward_recipient: entry.forward_recipient ?? null,
        class: null,
        alert_ids: [],
      })),
    );
  });

  it("asks about this machine's hostname without --host; an empty list says so on stderr", async () => {
    const result = await listRecords("report", "--root", root.root);
    expect(result).toEqual({
      code: 0,
      stdout: 'id,"event time",host,"event type","mailbox address","forward recipient"\n',
      stderr: `no reports for host ${hostname()}\n`,
    });
    expect(hostname()).not.toBe(HOST);
    const json = await runCli([
      "mailbox-event",
      "list",
      "--root",
      root.root,
      "--host",
      "nobody.test",
      "--output",
      "json",
    ]);
    expect(json).toEqual({
      code: 0,
      stdout: "[]\n",
      stderr: "no mailbox events for host nobody.test\n",
    });
  });

  it("asks about transmission.reporter when the configuration names one", async () => {
    const named = await makeTempRoot({
      host: receiver.url,
      credentials: { api_identifier: ID, api_secret: SECRET },
      reporter: HOST,
    });
    try {
      expect(await listRecords("report", "--root", named.root)).toEqual({
        code: 0,
        stdout: REPORTS_CSV,
        stderr: "",
      });
    } finally {
      await named.remove();
    }
  });

  it("runs the same commands through the compatibility bins", async () => {
    expect(await runNode(COMPAT_REPORTS, ["--root", root.root, "--host", HOST])).toEqual({
      code: 0,
      stdout: REPORTS_CSV,
      stderr: "",
    });
    expect(await runNode(COMPAT_EVENTS, ["--root", root.root, "--host", HOST])).toEqual({
      code: 0,
      stdout: EVENTS_CSV,
      stderr: "",
    });
  });

  it("explains a refused request (wrong secret) without printing the secret, exit 1", async () => {
    const wrong = await makeTempRoot({
      host: receiver.url,
      credentials: { api_identifier: ID, api_secret: "wrong-Zz7" },
    });
    try {
      const result = await listRecords("report", "--root", wrong.root, "--host", HOST);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe("");
      expect(result.stderr).toBe(
        `Error: GET ${receiver.url}/api/reports?reports%5Bhost%5D=cp1.test answered HTTP 401: check transmission.credentials (api_identifier / api_secret) (response: {"error":"unknown identifier or wrong secret"})\n`,
      );
      expect(result.stderr).not.toContain("wrong-Zz7");
    } finally {
      await wrong.remove();
    }
  });

  it("explains an unreachable API, exit 1", async () => {
    const result = await listRecords(
      "mailbox-event",
      "--root",
      (await unreachableRoot()).root,
      "--host",
      HOST,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^Error: GET http:\/\/127\.0\.0\.1:9\/api\/mailbox_events\?mailbox_events%5Bhost%5D=cp1\.test: connection refused \(ECONNREFUSED\)\nFix: check transmission\.host and that this server can reach it\n$/,
    );
  });
});

const roots: TempRoot[] = [];
async function unreachableRoot(): Promise<TempRoot> {
  const made = await makeTempRoot();
  roots.push(made);
  return made;
}
afterAll(async () => {
  for (const made of roots) await made.remove();
});

describe("spoor mailbox-event list against a spoor server's answer", () => {
  it("shows the forward recipient and the class after the original's columns, with --api-identifier", async () => {
    const analyst: [string, string] = ["abuse-desk", "An4lyst-s3cret"];
    const server = await startAnalystServer({
      analyst,
      reporter: ["cp1", "x"],
      alerts: [],
      mailboxEvents: [
        {
          id: 12,
          event_time: 1764765640,
          host: HOST,
          type: "forward_added",
          mailbox_address: "alice@example.com",
          ip_actor: { ip_address: "203.0.113.77", network: "203.0.113.0/24", asn: 64500 },
          forward_recipient: "attacker@evil.example",
          class: "probably_malicious",
          alert_ids: [42],
        },
      ],
    });
    try {
      const result = await runCli(
        [
          "mailbox-event",
          "list",
          "--root",
          root.root,
          "--host",
          HOST,
          "--api-host",
          server.url,
          "--api-identifier",
          analyst[0],
        ],
        { env: { SPOOR_API_SECRET: analyst[1] } },
      );
      expect(result).toEqual({
        code: 0,
        stdout:
          'id,"event time",host,"event type","mailbox address",ip,"forward recipient",class\n' +
          '12,"2025-12-03 12:40:40 +0000",cp1.test,forward_added,alice@example.com,203.0.113.77,attacker@evil.example,probably_malicious\n',
        stderr: "",
      });
      expect(server.paths).toEqual(["/api/mailbox_events?mailbox_events%5Bhost%5D=cp1.test"]);
    } finally {
      await server.close();
    }
  });
});
