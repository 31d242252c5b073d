/** The `args` of original.md §10 E1: webmail user `victim` forwarding to dodgy@dodgydomain.test. */
export const FORWARDER_ARGS: Readonly<Record<string, string>> = Object.freeze({
  fwdsystem: "",
  email: "victim",
  failmsgs: "",
  domain: "",
  fwdemail: "dodgy@dodgydomain.test",
  pipefwd: "",
  fwdopt: "fwd",
});

/** The hook data of E1 (`args`, `result`, `user`), with `args` overridden for E2–E4. */
export function forwarderHookData(
  args: Record<string, unknown> = {},
  forward = "dodgy@dodgydomain.test",
): { args: Record<string, unknown>; result: Array<Record<string, string>>; user: string } {
  return {
    args: { ...FORWARDER_ARGS, ...args },
    result: [{ forward, domain: "spoor.test", email: "victim@spoor.test" }],
    user: "spoortest",
  };
}

/** The document cPanel writes to a script hook's STDIN for `event` (cpanel.md §3.4). */
export function hookPayload(event: string, data: unknown, stage = "post"): string {
  return JSON.stringify({
    hook: { exectype: "script", hook: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook", stage },
    context: { category: "Cpanel", event, stage, escalateprivs: 1, point: "main" },
    data,
  });
}
