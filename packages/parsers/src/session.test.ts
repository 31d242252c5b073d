import { describe, expect, it } from "vitest";
import { expectEachOf } from "../test/expect-each.js";
import { unix } from "../test/samples.js";
import { parseSessionLine } from "./session.js";

const UNRECOGNISED = { type: "session", event: "unrecognised" };
const ORIGIN =
  "address=192.0.2.9,app=webmaild,creator=v@example.net,method=handle_form_login,path=form,possessed=0";

const expectEach = expectEachOf("session", parseSessionLine);

const login = (fields: object) => ({
  type: "session",
  event: "login",
  log_time: unix("2024-08-16T18:00:01Z"),
  ip: "192.0.2.9",
  credential: "v@example.net",
  status: "success",
  scope: "webmaild",
  ...fields,
});

describe("parseSessionLine", () => {
  it("reads a webmail form login, the user raw or %40-encoded", () => {
    for (const user of ["v%40example.net", "v@example.net"]) {
      expectEach(
        `[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW ${user}:XyZ12abc ${ORIGIN}`,
        login({ context: "mailbox" }),
      );
    }
  });

  it("takes context as for login: a mailbox user in a cPanel session is domain", () => {
    expect(
      parseSessionLine(
        `[2024-08-16 18:00:01 +0000] info [cpaneld] 192.0.2.9 NEW v@example.net:Xy ${ORIGIN}`,
      ),
    ).toStrictEqual(login({ scope: "cpaneld", context: "domain" }));
    expect(
      parseSessionLine(
        `[2024-08-16 18:00:01 +0000] info [cpdavd] 192.0.2.9 NEW v@example.net:Xy ${ORIGIN}`,
      ),
    ).toStrictEqual(login({ scope: "cpdavd" }));
  });

  it("takes the scope of an old [cpsrvd] line from app=", () => {
    expect(
      parseSessionLine(
        `[2024-08-16 18:00:01 +0800] info [cpsrvd] 192.0.2.9 NEW v%40example.net:Xy ${ORIGIN}`,
      ),
    ).toStrictEqual(login({ log_time: unix("2024-08-16T10:00:01Z"), context: "mailbox" }));
  });

  it("leaves every real v120 line unrecognised (no mailbox sessions there)", () => {
    for (const line of [
      "[2024-08-16 17:52:58 +0000] info [cpaneld] 51.20.122.192 NEW ehsan:STPpt9ybxotjKQ8W address=51.20.122.192,app=cpaneld,creator=ehsan,method=handle_form_login,path=form,possessed=0",
      "[2024-08-16 17:58:15 +0000] info [cpaneld] 51.20.122.192 PURGE ehsan:STPpt9ybxotjKQ8W badpass [invalid cpanel user ali (has_cpuser_file failed)]",
      "[2024-08-16 17:51:50 +0000] info [whostmgrd] 51.20.122.192 NEW ehsan:HnYxlfWYccwu8xlw address=51.20.122.192,app=cpaneld,creator=root,method=handle_auth_transfer,path=xfercpanel",
      "[2024-08-16 17:42:12 +0000] info [xml-api] internal NEW root:gRJ5lhG0d1eyZ1Ud:create_user_session address=,app=Whostmgr::API::1::Session,creator=root,method=create_user_session",
      "",
      "   ",
    ]) {
      expectEach(line, UNRECOGNISED);
    }
  });

  it("needs NEW, method=handle_form_login exactly, a mailbox user and a real date", () => {
    for (const line of [
      "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 PURGE v@example.net:Xy loginsuccess",
      "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW v@example.net:Xy address=192.0.2.9,app=webmaild,method=handle_auth_transfer",
      "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW v@example.net:Xy address=1,method=handle_form_login_x",
      "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW v@example.net:Xy",
      "[2024-08-16 18:00:01 +0000] warn [webmaild] 192.0.2.9 NEW v@example.net:Xy method=handle_form_login",
      "[2024-02-30 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW v@example.net:Xy method=handle_form_login",
      "[2024-08-16 18:00:01 +0000] info [webmaild] 192.0.2.9 NEW victim:Xy method=handle_form_login",
    ]) {
      expect(parseSessionLine(line)).toStrictEqual(UNRECOGNISED);
    }
  });
});
