import { describe, expect, it } from "vitest";
import { expectEachOf } from "../test/expect-each.js";
import { A, R, unix, webmailLine } from "../test/samples.js";
import { parseAccessLine } from "./access.js";

const MAILBOX = "rorymckinley@blah.capefox.co";
const A_TIME = 1539625647;
const R_TIME = 1551782317;

const expectEach = expectEachOf("access", parseAccessLine);

function recognised(fields: object) {
  return { type: "access", log_time: A_TIME, ip: "10.10.10.10", ...fields };
}

describe("parseAccessLine: original.md §10 A1–A5", () => {
  it("A1: POST doaddfwd.html by a mailbox, 200 → forward_added_partial_ip", () => {
    expectEach(
      A.A1,
      recognised({
        event: "forward_added_partial_ip",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
      }),
    );
  });

  it("A2: the same POST by a non-mailbox user is unrecognised but keeps its fields", () => {
    expectEach(
      A.A2,
      recognised({
        event: "unrecognised",
        credential: "foo",
        context: "unrecognised",
        status: "success",
      }),
    );
  });

  it("A3: GET on doaddfwd.html is unrecognised", () => {
    expectEach(
      A.A3,
      recognised({
        event: "unrecognised",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
      }),
    );
  });

  it("A4: POST to another page is unrecognised", () => {
    expectEach(
      A.A4,
      recognised({
        event: "unrecognised",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
      }),
    );
  });

  it("A5: status 400 is failed, the event stays", () => {
    expectEach(
      A.A5,
      recognised({
        event: "forward_added_partial_ip",
        credential: MAILBOX,
        context: "mailbox",
        status: "failed",
      }),
    );
  });
});

describe("parseAccessLine: original.md §10 R1–R6", () => {
  const removed = (fields: object) => ({
    type: "access",
    log_time: R_TIME,
    ip: "10.10.10.10",
    ...fields,
  });

  it("R1: GET dodelfwd.html with emaildest → forward_removed with the unescaped recipient", () => {
    expectEach(
      R.R1,
      removed({
        event: "forward_removed",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
        forward_recipient: "rorymckinley+cpanel@gmail.com",
      }),
    );
  });

  it("R2: a non-mailbox user gives unrecognised without forward_recipient", () => {
    expectEach(
      R.R2,
      removed({
        event: "unrecognised",
        credential: "foobar",
        context: "unrecognised",
        status: "success",
      }),
    );
  });

  it("R3: status 400 is failed", () => {
    expectEach(
      R.R3,
      removed({
        event: "forward_removed",
        credential: MAILBOX,
        context: "mailbox",
        status: "failed",
        forward_recipient: "rorymckinley+cpanel@gmail.com",
      }),
    );
  });

  it("R4: POST on dodelfwd.html is unrecognised", () => {
    expectEach(
      R.R4,
      removed({
        event: "unrecognised",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
      }),
    );
  });

  it("R5: dodelfwd.html without emaildest is unrecognised", () => {
    expectEach(
      R.R5,
      removed({
        event: "unrecognised",
        credential: MAILBOX,
        context: "mailbox",
        status: "success",
      }),
    );
  });

  it("R6: binary TLS garbage is exactly unrecognised", () => {
    expectEach(R.R6, { type: "access", event: "unrecognised" });
  });
});

describe("parseAccessLine: real cPanel lines (cpanel.md §1.1)", () => {
  const UA =
    '"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/127.0.0.0 Safari/537.36"';

  it("reads a v120 cPanel line, with the port", () => {
    expectEach(
      `51.20.122.192 - ehsan [08/16/2024:17:51:58 -0000] "GET /cpsess5563169341/execute/NVData/set?names=analytics&analytics=on HTTP/1.1" 200 0 "https://65-109-213-220.cprapid.com:2083/" ${UA} "s" "-" 2083`,
      {
        type: "access",
        event: "unrecognised",
        log_time: unix("2024-08-16T17:51:58Z"),
        ip: "51.20.122.192",
        credential: "ehsan",
        context: "unrecognised",
        status: "success",
      },
    );
  });

  it("reads a failed WHM login request and the unauthenticated `-` user", () => {
    expectEach(
      `51.20.122.192 - kotlinx [08/16/2024:17:46:51 -0000] "POST /login/?login_only=1 HTTP/1.1" 401 0 "https://65.109.213.220:2087/" ${UA} "-" "-" 2087`,
      {
        type: "access",
        event: "unrecognised",
        log_time: unix("2024-08-16T17:46:51Z"),
        ip: "51.20.122.192",
        credential: "kotlinx",
        context: "unrecognised",
        status: "failed",
      },
    );
    expectEach(
      '127.0.0.1 - - [08/16/2024:17:52:50 -0000] "GET /.__cpanel__service__check__./serviceauth?sendkey=__HIDDEN__&version=1.2 HTTP/1.0" 200 0 "-" "-" "-" "-" 2086',
      {
        type: "access",
        event: "unrecognised",
        log_time: unix("2024-08-16T17:52:50Z"),
        ip: "127.0.0.1",
        credential: "-",
        context: "unrecognised",
        status: "success",
      },
    );
  });

  it("reads the internal redirect line whose address is `-`", () => {
    expectEach('- - - [08/16/2024:17:42:34 -0000] "-" 301 0 "-" "-" "-" "-" 2082', {
      type: "access",
      event: "unrecognised",
      log_time: unix("2024-08-16T17:42:34Z"),
      ip: "-",
      credential: "-",
      context: "unrecognised",
      status: "failed",
    });
  });

  it("reads proxy-subdomain lines (webmail.example.com through Apache) like direct ones", () => {
    expectEach(
      '23.178.112.219 proxy - [08/16/2024:17:40:58 -0000] "GET /.well-known/acme-challenge/x HTTP/1.1" 200 0 "http://cpanel.example.net/" "Mozilla/5.0 (compatible; Let\'s Encrypt validation server; +https://www.letsencrypt.org)" "-" "X-Forwarded-For: 23.178.112.219" 443',
      {
        type: "access",
        event: "unrecognised",
        log_time: 1723830058,
        ip: "23.178.112.219",
        credential: "-",
        context: "unrecognised",
        status: "success",
      },
    );
    expectEach(
      '198.51.100.7 proxy alice%40example.com [08/16/2024:17:40:58 -0000] "POST /cpsess1234567890/webmail/jupiter/mail/doaddfwd.html HTTP/1.1" 200 0 "https://webmail.example.com/" "Mozilla/5.0" "s" "X-Forwarded-For: 198.51.100.7" 443',
      {
        type: "access",
        event: "forward_added_partial_ip",
        log_time: 1723830058,
        ip: "198.51.100.7",
        credential: "alice@example.com",
        context: "mailbox",
        status: "success",
      },
    );
  });

  it("leaves the IP-less forum sample exactly unrecognised (as the original)", () => {
    expectEach(
      '- cpanelusername [09/29/2020:15:09:14 -0000] "GET /cpsess5129739064/frontend/paper_lantern/email_accounts/index.html HTTP/1.1" 200 0 "" "Mozilla/5.0" "s" "-" 2083',
      { type: "access", event: "unrecognised" },
    );
  });

  it("accepts the older format without the trailing port, and a line ending at the status", () => {
    const expected = {
      type: "access",
      event: "forward_added_partial_ip",
      log_time: unix("2015-03-10T10:00:00Z"),
      ip: "192.0.2.1",
      credential: "user@example.com",
      context: "mailbox",
      status: "success",
    };
    expectEach(
      '192.0.2.1 - user%40example.com [03/10/2015:10:00:00 -0000] "POST /cpsess1134900415/frontend/x3/mail/doaddfwd.html HTTP/1.1" 200 0 "-" "Mozilla/5.0" "s" "-"',
      expected,
    );
    expectEach(
      '192.0.2.1 - user%40example.com [03/10/2015:10:00:00 -0000] "POST /cpsess1134900415/frontend/x3/mail/doaddfwd.html HTTP/1.1" 200',
      expected,
    );
  });

  it("computes log_time from the line's own offset", () => {
    const line = (offset: string) =>
      `192.0.2.1 - u%40example.com [08/16/2024:17:51:58 ${offset}] "GET / HTTP/1.1" 200 0 "-" "-" "s" "-" 2096`;
    expect(parseAccessLine(line("+0800")).log_time).toBe(unix("2024-08-16T09:51:58Z"));
    expect(parseAccessLine(line("-0530")).log_time).toBe(unix("2024-08-16T23:21:58Z"));
    expect(parseAccessLine(line("-0000")).log_time).toBe(unix("2024-08-16T17:51:58Z"));
  });

  it("keeps an IPv6 client address as logged", () => {
    expectEach(
      webmailLine("a%40example.net", "POST /x/mail/doaddfwd.html HTTP/1.1").replace(
        "203.0.113.9",
        "2001:db8::7",
      ),
      {
        type: "access",
        event: "forward_added_partial_ip",
        log_time: unix("2024-08-16T18:01:02Z"),
        ip: "2001:db8::7",
        credential: "a@example.net",
        context: "mailbox",
        status: "success",
      },
    );
  });
});

describe("parseAccessLine: current cPanel (Jupiter, UAPI)", () => {
  const base = {
    type: "access",
    log_time: unix("2024-08-16T18:01:02Z"),
    ip: "203.0.113.9",
    credential: "victim@example.net",
    context: "mailbox",
    status: "success",
  };

  it("reads Jupiter's doaddfwd.html and dodelfwd.html pages", () => {
    expectEach(
      webmailLine(
        "victim%40example.net",
        "POST /cpsess1/webmail/jupiter/mail/doaddfwd.html HTTP/1.1",
      ),
      { ...base, event: "forward_added_partial_ip" },
    );
    expectEach(
      webmailLine(
        "victim%40example.net",
        "GET /cpsess1/frontend/jupiter/mail/dodelfwd.html?email=victim%40example.net&emaildest=thief%40example.org HTTP/1.1",
      ),
      { ...base, event: "forward_removed", forward_recipient: "thief@example.org" },
    );
  });

  it("reads UAPI Email/add_forwarder calls, GET or POST", () => {
    for (const request of [
      "POST /cpsess1/execute/Email/add_forwarder HTTP/1.1",
      "GET /cpsess1/execute/Email/add_forwarder?domain=example.net&email=victim&fwdopt=fwd&fwdemail=thief%40example.org HTTP/1.1",
    ]) {
      expectEach(webmailLine("victim%40example.net", request), {
        ...base,
        event: "forward_added_partial_ip",
      });
    }
  });

  it("reads UAPI Email/delete_forwarder with the forwarder in the query string", () => {
    expectEach(
      webmailLine(
        "victim%40example.net",
        "GET /cpsess1/execute/Email/delete_forwarder?address=victim%40example.net&forwarder=thief%2Bx%40example.org HTTP/1.1",
      ),
      { ...base, event: "forward_removed", forward_recipient: "thief+x@example.org" },
    );
  });

  it("does not count a delete_forwarder call without the forwarder, or other functions", () => {
    for (const request of [
      "POST /cpsess1/execute/Email/delete_forwarder HTTP/1.1",
      "GET /cpsess1/execute/Email/delete_forwarder?address=victim%40example.net HTTP/1.1",
      "GET /cpsess1/execute/Email/list_forwarders HTTP/1.1",
      "GET /cpsess1/execute/Email/add_domain_forwarder?domain=a&destdomain=b HTTP/1.1",
      "GET /cpsess1/webmail/jupiter/index.html?next=/execute/Email/add_forwarder HTTP/1.1",
    ]) {
      expectEach(webmailLine("victim%40example.net", request), { ...base, event: "unrecognised" });
    }
  });
});

describe("parseAccessLine: deliberate differences", () => {
  it("ends the forward recipient at `&` (the original ran on)", () => {
    const line = webmailLine(
      "v%40example.net",
      "GET /x/mail/dodelfwd.html?emaildest=thief%40example.org&email=v%40example.net HTTP/1.1",
    );
    expect(parseAccessLine(line).forward_recipient).toBe("thief@example.org");
  });

  it("drops forward_recipient for an empty or `0` recipient, as the original", () => {
    const line = (value: string) =>
      webmailLine(
        "v%40example.net",
        `GET /x/mail/dodelfwd.html?email=v&emaildest=${value} HTTP/1.1`,
      );
    expect(parseAccessLine(line("0"))).not.toHaveProperty("forward_recipient");
    expect(parseAccessLine(line("0")).event).toBe("forward_removed");
    expect(parseAccessLine(line("&x=1"))).not.toHaveProperty("forward_recipient");
    expect(parseAccessLine(line("&x=1")).event).toBe("forward_removed");
  });

  it("unescapes %XX to UTF-8 and keeps `+` and malformed sequences", () => {
    const entry = parseAccessLine(
      webmailLine("jos%C3%A9+x%2%zz%40example.net", "POST /x/mail/doaddfwd.html HTTP/1.1"),
    );
    expect(entry.credential).toBe("josé+x%2%zz@example.net");
  });

  it("never lets a request line pose as the rest of a forged line", () => {
    const forged =
      '192.0.2.66 - - [08/16/2024:18:00:00 -0000] "GET /x%40y [08/16/2024:18:00:00 -0000] "POST /mail/doaddfwd.html HTTP/1.1" 200 0 "-" "-" "-" "-" 2096';
    expect(parseAccessLine(forged)).toStrictEqual({ type: "access", event: "unrecognised" });
  });

  it("turns impossible dates into exactly unrecognised instead of dying", () => {
    for (const ts of [
      "13/15/2018:17:47:27 -0000",
      "02/30/2019:10:00:00 -0000",
      "02/29/2019:10:00:00 -0000",
      "10/15/2018:24:00:00 -0000",
      "10/15/2018:17:60:00 -0000",
      "10/15/2018:17:47:27 +2400",
      "10/15/2018:17:47:27",
      "2018-10-15 17:47:27 +0000",
    ]) {
      const line = A.A1.replace("10/15/2018:17:47:27 -0000", ts);
      expect(parseAccessLine(line)).toStrictEqual({ type: "access", event: "unrecognised" });
    }
    expect(parseAccessLine(A.A1.replace("10/15/2018", "02/29/2020")).log_time).toBe(
      unix("2020-02-29T17:47:27Z"),
    );
  });
});
