import { describe, expect, it } from "vitest";
import { expectEachOf } from "../test/expect-each.js";
import { L, unix } from "../test/samples.js";
import { isInteresting } from "./is-interesting.js";
import { parseLoginLine } from "./login.js";

const expectEach = expectEachOf("login", parseLoginLine);

const login = (fields: object) => ({ type: "login", event: "login", ...fields });
const UNRECOGNISED = { type: "login", event: "unrecognised" };

describe("parseLoginLine: original.md §10 L1–L6", () => {
  it("L1: webmail success with possessor → mailbox", () => {
    expectEach(
      L.L1,
      login({
        log_time: 1537372956,
        ip: "10.10.10.10",
        credential: "rorymckinley@blah.capefox.co",
        possessor: "blahuser",
        status: "success",
        scope: "webmaild",
        context: "mailbox",
      }),
    );
  });

  it("L2: webmail success without @ → domain", () => {
    expectEach(
      L.L2,
      login({
        log_time: 1537372956,
        ip: "10.10.10.10",
        credential: "foobarbazzle",
        possessor: "blahuser",
        status: "success",
        scope: "webmaild",
        context: "domain",
      }),
    );
  });

  it("L3: WHM success → system, no possessor", () => {
    expectEach(
      L.L3,
      login({
        log_time: 1539347911,
        ip: "10.10.10.10",
        credential: "root",
        status: "success",
        scope: "whostmgrd",
        context: "system",
      }),
    );
  });

  it("L4: cPanel success → domain", () => {
    expectEach(
      L.L4,
      login({
        log_time: 1539499221,
        ip: "10.10.10.10",
        credential: "blahuser",
        status: "success",
        scope: "cpaneld",
        context: "domain",
      }),
    );
  });

  it("L5: DEFERRED with endpoint and message", () => {
    expectEach(
      L.L5,
      login({
        log_time: 1539508152,
        ip: "10.10.10.10",
        credential: "root",
        status: "deferred",
        scope: "whostmgrd",
        context: "system",
        endpoint: "GET / HTTP/1.1",
        message: "security token missing",
      }),
    );
  });

  it("L6: FAILED with endpoint and message", () => {
    expectEach(
      L.L6,
      login({
        log_time: 1539618138,
        ip: "10.10.10.10",
        credential: "cpresellercapefo",
        status: "failed",
        scope: "cpaneld",
        context: "domain",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "access denied for root, reseller, and user password",
      }),
    );
  });
});

describe("parseLoginLine: real cPanel lines (cpanel.md §1.2)", () => {
  it("reads the v120 failure and deferral lines", () => {
    expectEach(
      '[2024-08-16 17:58:15 +0000] info [cpaneld] 51.20.122.192 - ali "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN cpaneld: invalid cpanel user ali (has_cpuser_file failed)',
      login({
        log_time: unix("2024-08-16T17:58:15Z"),
        ip: "51.20.122.192",
        credential: "ali",
        status: "failed",
        scope: "cpaneld",
        context: "domain",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "invalid cpanel user ali (has_cpuser_file failed)",
      }),
    );
    expectEach(
      '[2024-08-16 17:46:51 +0000] info [whostmgrd] 51.20.122.192 - kotlinx "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: login attempt to whm by a non-reseller/root',
      login({
        log_time: unix("2024-08-16T17:46:51Z"),
        ip: "51.20.122.192",
        credential: "kotlinx",
        status: "failed",
        scope: "whostmgrd",
        context: "system",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "login attempt to whm by a non-reseller/root",
      }),
    );
  });

  it("reads +0800 webmail lines with their offset", () => {
    expectEach(
      '[2018-08-23 08:24:57 +0800] info [webmaild] 60.52.69.37 - terencetulus@hoteltangdynasty.com "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user password incorrect',
      login({
        log_time: unix("2018-08-23T00:24:57Z"),
        ip: "60.52.69.37",
        credential: "terencetulus@hoteltangdynasty.com",
        status: "failed",
        scope: "webmaild",
        context: "mailbox",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "user password incorrect",
      }),
    );
    expectEach(
      '[2018-08-27 16:02:56 +0800] info [webmaild] 60.52.69.37 - terencetulus@hoteltangdynasty.com "POST /cpsess4240189106/3rdparty/roundcube/?_task=mail&_action=refresh HTTP/1.1" DEFERRED LOGIN webmaild: security token incorrect',
      login({
        log_time: unix("2018-08-27T08:02:56Z"),
        ip: "60.52.69.37",
        credential: "terencetulus@hoteltangdynasty.com",
        status: "deferred",
        scope: "webmaild",
        context: "mailbox",
        endpoint: "POST /cpsess4240189106/3rdparty/roundcube/?_task=mail&_action=refresh HTTP/1.1",
        message: "security token incorrect",
      }),
    );
  });

  it("takes the scope of [cpsrvd]-tagged lines from the service word after LOGIN", () => {
    expectEach(
      "[2016-04-18 13:08:27 -0400] info [cpsrvd] 10.1.5.19 - emailaccount@reseller.com (possessor: reseller) - SUCCESS LOGIN webmaild",
      login({
        log_time: unix("2016-04-18T17:08:27Z"),
        ip: "10.1.5.19",
        credential: "emailaccount@reseller.com",
        possessor: "reseller",
        status: "success",
        scope: "webmaild",
        context: "mailbox",
      }),
    );
    expectEach(
      "[2016-04-18 13:07:15 -0400] info [cpsrvd] 10.1.5.19 - reseller (possessor: root) - SUCCESS LOGIN cpaneld",
      login({
        log_time: unix("2016-04-18T17:07:15Z"),
        ip: "10.1.5.19",
        credential: "reseller",
        possessor: "root",
        status: "success",
        scope: "cpaneld",
        context: "domain",
      }),
    );
    expectEach(
      '[2016-11-18 09:32:19 +0000] info [cpsrvd] 10.1.5.19 - admin "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: user password hash is missing from system (user probably does not exist)',
      login({
        log_time: unix("2016-11-18T09:32:19Z"),
        ip: "10.1.5.19",
        credential: "admin",
        status: "failed",
        scope: "whostmgrd",
        context: "system",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "user password hash is missing from system (user probably does not exist)",
      }),
    );
    expectEach(
      '[2017-01-25 06:01:10 -0500] info [cpsrvd] 10.1.5.19 - test "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN cpaneld: invalid cpanel user test (loadcpdata failed)',
      login({
        log_time: unix("2017-01-25T11:01:10Z"),
        ip: "10.1.5.19",
        credential: "test",
        status: "failed",
        scope: "cpaneld",
        context: "domain",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "invalid cpanel user test (loadcpdata failed)",
      }),
    );
  });

  it("reads the legacy IP-first format", () => {
    expectEach(
      '192.168.0.22 - user [07/15/2013:16:21:50 -0000] "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN whostmgrd: user password incorrect',
      login({
        log_time: unix("2013-07-15T16:21:50Z"),
        ip: "192.168.0.22",
        credential: "user",
        status: "failed",
        scope: "whostmgrd",
        context: "system",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "user password incorrect",
      }),
    );
    expectEach(
      '201.245.82.85 - khaoib [07/17/2008:19:56:36 -0000] "POST / HTTP/1.1" FAILED LOGIN cpaneld: user name not provided or invalid user',
      login({
        log_time: unix("2008-07-17T19:56:36Z"),
        ip: "201.245.82.85",
        credential: "khaoib",
        status: "failed",
        scope: "cpaneld",
        context: "domain",
        endpoint: "POST / HTTP/1.1",
        message: "user name not provided or invalid user",
      }),
    );
    expectEach(
      '2001:db8::5 - box%40example.net [07/17/2008:19:56:36 +0200] "POST / HTTP/1.1" FAILED LOGIN cpdavd: user password incorrect',
      login({
        log_time: unix("2008-07-17T17:56:36Z"),
        ip: "2001:db8::5",
        credential: "box@example.net",
        status: "failed",
        scope: "cpdavd",
        endpoint: "POST / HTTP/1.1",
        message: "user password incorrect",
      }),
    );
  });
});

describe("parseLoginLine: deliberate differences", () => {
  it("accepts hyphenated credentials and domains", () => {
    expectEach(
      "[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.9 - first-last@my-domain.example (possessor: my-user) - SUCCESS LOGIN webmaild",
      login({
        log_time: unix("2024-08-16T18:00:00Z"),
        ip: "192.0.2.9",
        credential: "first-last@my-domain.example",
        possessor: "my-user",
        status: "success",
        scope: "webmaild",
        context: "mailbox",
      }),
    );
    expectEach(
      '[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.9 - first-last@my-domain.example "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user password incorrect',
      login({
        log_time: unix("2024-08-16T18:00:00Z"),
        ip: "192.0.2.9",
        credential: "first-last@my-domain.example",
        status: "failed",
        scope: "webmaild",
        context: "mailbox",
        endpoint: "POST /login/?login_only=1 HTTP/1.1",
        message: "user password incorrect",
      }),
    );
  });

  it("gives other scopes no context", () => {
    expect(
      parseLoginLine(
        "[2024-08-16 18:00:00 +0000] info [cpdavd] 192.0.2.9 - box@example.net - SUCCESS LOGIN cpdavd",
      ),
    ).toStrictEqual(
      login({
        log_time: unix("2024-08-16T18:00:00Z"),
        ip: "192.0.2.9",
        credential: "box@example.net",
        status: "success",
        scope: "cpdavd",
      }),
    );
  });

  it("never reads a quoted request holding ` - SUCCESS` as a success", () => {
    expect(
      parseLoginLine(
        '[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.66 - victim@example.net "GET /a - SUCCESS HTTP/1.1" FAILED LOGIN webmaild: user password incorrect',
      ),
    ).toMatchObject({ status: "failed", credential: "victim@example.net" });
  });

  it("never reads a user name holding ` - SUCCESS LOGIN` inside a failure line as a success", () => {
    const line =
      '[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.60 - attacker@example.net - SUCCESS LOGIN webmaild "POST /login/?login_only=1 HTTP/1.1" FAILED LOGIN webmaild: user name not found';
    expect(parseLoginLine(line)).toStrictEqual({
      type: "login",
      event: "login",
      log_time: 1723831200,
      ip: "192.0.2.60",
      credential: "attacker@example.net - SUCCESS LOGIN webmaild",
      status: "failed",
      scope: "webmaild",
      context: "mailbox",
      endpoint: "POST /login/?login_only=1 HTTP/1.1",
      message: "user name not found",
    });
    expect(isInteresting(parseLoginLine(line))).toBe(false);
  });

  it("gives unmatched lines and impossible dates {type, event: unrecognised}", () => {
    for (const line of [
      "",
      "garbage",
      "[2024-08-16 18:00:00 +0000] warn [webmaild] 192.0.2.9 - root - SUCCESS LOGIN webmaild",
      "[2024-08-16 18:00:00 +0000] info [webmaild] 192.0.2.9 - root",
      "[2024-13-16 18:00:00 +0000] info [webmaild] 192.0.2.9 - a@b.c - SUCCESS LOGIN webmaild",
      "[2023-02-29 18:00:00 +0000] info [webmaild] 192.0.2.9 - a@b.c - SUCCESS LOGIN webmaild",
      '192.168.0.22 - user [02/30/2013:16:21:50 -0000] "POST / HTTP/1.1" FAILED LOGIN whostmgrd: x',
    ]) {
      expect(parseLoginLine(line)).toStrictEqual(UNRECOGNISED);
    }
  });
});
