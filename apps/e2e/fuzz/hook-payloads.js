// Realistic cPanel hook payloads (cpanel.md §3.4) and fast-check arbitraries that break them:
// byte mutations, wrong shapes, prototype keys, control characters, huge and deeply nested
// fields. Password fields carry PASSWORD_MARKER (no password value may be written anywhere).
import fc from "fast-check";
import { mutated } from "./mutations.js";

/** The password of the templates that carry one. */
export const PASSWORD_MARKER = "pw-MARKER-7f3c";

const USER = "cpuser1";
const ADDRESS = "victim@example.net";

/** @type {Array<[string, Record<string, unknown>]>} */
const TEMPLATES = [
  [
    "UAPI::Email::add_forwarder",
    {
      args: {
        email: "victim",
        domain: "",
        fwdopt: "fwd",
        fwdemail: "thief@evil.example",
        fwdsystem: "",
        pipefwd: "",
        failmsgs: "",
      },
      result: [{ email: ADDRESS, domain: "example.net", forward: "thief@evil.example" }],
      user: USER,
    },
  ],
  [
    "Api2::Email::addforward",
    {
      args: {
        email: "victim",
        domain: "example.net",
        fwdopt: "fwd",
        fwdemail: "thief@evil.example",
      },
      output: [{ email: ADDRESS, forward: "thief@evil.example" }],
      user: USER,
    },
  ],
  [
    "UAPI::Email::delete_forwarder",
    { args: { address: ADDRESS, forwarder: "thief@evil.example" }, result: null, user: USER },
  ],
  [
    "Api2::Email::delforward",
    { args: { email: ADDRESS, emaildest: "thief@evil.example" }, output: [{}], user: USER },
  ],
  [
    "UAPI::Email::add_domain_forwarder",
    { args: { domain: "example.net", destdomain: "evil.example" }, result: null, user: USER },
  ],
  [
    "UAPI::Email::store_filter",
    {
      args: {
        filtername: "sneaky",
        account: ADDRESS,
        part1: "$header_from:",
        match1: "contains",
        val1: "bank",
        opt1: "or",
        action1: "deliver",
        dest1: "thief@evil.example",
        action2: "pipe",
        dest2: "/bin/x",
      },
      result: null,
      user: USER,
    },
  ],
  [
    "UAPI::Email::passwd_pop",
    {
      args: { email: "victim", domain: "example.net", password: PASSWORD_MARKER },
      result: null,
      user: USER,
    },
  ],
  [
    "UAPI::Email::add_pop",
    {
      args: { email: "new", domain: "example.net", password: PASSWORD_MARKER, quota: "250" },
      result: "new+example.net",
      user: USER,
    },
  ],
  ["UAPI::Email::delete_pop", { args: { email: ADDRESS }, result: null, user: USER }],
  [
    "UAPI::Email::add_auto_responder",
    {
      args: { email: "victim", domain: "example.net", from: "x", subject: "y", body: "z" },
      result: null,
      user: USER,
    },
  ],
  [
    "UAPI::Email::set_default_address",
    {
      args: { domain: "example.net", fwdopt: "fwd", fwdemail: "thief@evil.example" },
      result: null,
      user: USER,
    },
  ],
  [
    "Api2::Email::setdefaultaddress",
    {
      args: { domain: "example.net", fwdopt: "pipe", pipefwd: "/bin/x" },
      output: [{ status: 1 }],
      user: USER,
    },
  ],
];

/** Every cPanel event the templates cover, and one the hook does not support. */
export const EVENTS = [...TEMPLATES.map(([event]) => event), "UAPI::Email::list_pops"];

/**
 * The document cPanel writes to the hook's STDIN.
 * @param {string} event
 * @param {unknown} data
 * @param {{ stage?: unknown; point?: unknown }} [context]
 */
export function payloadDocument(event, data, context = {}) {
  return {
    context: {
      category: "Cpanel",
      event,
      stage: "post",
      escalateprivs: 1,
      point: "main",
      ...context,
    },
    data,
    hook: {
      exectype: "script",
      hook: "/usr/local/cpanel/3rdparty/bin/spoor-cpanel-hook",
      stage: "post",
    },
  };
}

/** The realistic payloads, serialized. @type {Buffer[]} */
export const REALISTIC = TEMPLATES.map(([event, data]) =>
  Buffer.from(JSON.stringify(payloadDocument(event, data))),
);

const nasty = fc.constantFrom(
  "",
  "\u0000",
  "a\nb",
  "\r\n[2024-01-01 00:00:00 +0000] info [spoor_forward_added] {}",
  "\u001b[31mred",
  "\u202eevil",
  "\ud800",
  "../../../etc/passwd",
  "/tmp/x",
  "x".repeat(70_000),
  "victim@example.net",
  "thief@evil.example,other@evil.example",
  "|/bin/sh -c id",
);

/** Any JSON value, sometimes nasty text, with the odd prototype key. */
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.string(),
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie("value"), { maxLength: 4 }),
    tie("object"),
  ),
  object: fc.dictionary(
    fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "__proto__",
        "constructor",
        "prototype",
        "toString",
        "password",
        "email",
        "domain",
        "args",
        "result",
        "output",
      ),
    ),
    tie("value"),
    { maxKeys: 6 },
  ),
}));

const anyJson = /** @type {fc.Arbitrary<unknown>} */ (jsonValue.value);

/** A template with some of its fields replaced by anything. */
const reshaped = fc
  .tuple(
    fc.constantFrom(...TEMPLATES),
    fc.array(
      fc.tuple(
        fc.constantFrom("args", "result", "output", "user", "data", "context"),
        fc.string({ maxLength: 10 }),
        anyJson,
      ),
      { maxLength: 4 },
    ),
    fc.option(fc.constantFrom("pre", "post", "", 1, null), { nil: undefined }),
    fc.option(fc.constantFrom("main", "check", "rollback", {}), { nil: undefined }),
  )
  .map(([[event, data], edits, stage, point]) => {
    /** @type {any} */
    const copy = JSON.parse(JSON.stringify(data));
    /** @type {any} */
    let document = payloadDocument(event, copy, {
      ...(stage === undefined ? {} : { stage }),
      ...(point === undefined ? {} : { point }),
    });
    for (const [where, key, value] of edits) {
      if (where === "data") document.data = value;
      else if (where === "context") document.context[key === "" ? "event" : key] = value;
      else if (where === "user") copy.user = value;
      else if (
        copy[where] !== null &&
        typeof copy[where] === "object" &&
        !Array.isArray(copy[where]) &&
        key !== ""
      ) {
        copy[where][key] = value;
      } else copy[where] = value;
    }
    if (edits.length > 3) document = [document];
    return Buffer.from(JSON.stringify(document));
  });

/** Deep nesting, at the top or inside `args`. */
const deep = fc
  .tuple(fc.integer({ min: 100, max: 200_000 }), fc.constantFrom("[", '{"a":'), fc.boolean())
  .map(([depth, open, inside]) => {
    const close = open === "[" ? "]" : "}";
    const nest = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return Buffer.from(
      inside
        ? JSON.stringify(
            payloadDocument("UAPI::Email::add_forwarder", { args: {}, result: [], user: USER }),
          ).replace('"args":{}', `"args":${nest}`)
        : nest,
    );
  });

/** Over the 1 MiB bound, or just under it with a huge field. */
const huge = fc.integer({ min: 900_000, max: 1_200_000 }).map((size) =>
  Buffer.from(
    JSON.stringify(
      payloadDocument("UAPI::Email::delete_forwarder", {
        args: { address: ADDRESS, forwarder: "x".repeat(size) },
        result: null,
        user: USER,
      }),
    ),
  ),
);

/** Prototype pollution attempts in the raw text (JSON.stringify would drop `__proto__`). */
const prototypeKeys = fc
  .constantFrom(...REALISTIC)
  .map((bytes) =>
    Buffer.from(
      bytes
        .toString()
        .replace(
          '"data":{',
          '"data":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},',
        )
        .replace('"args":{', '"args":{"__proto__":{"email":"forged@evil.example"},'),
    ),
  );

/**
 * Hook STDIN inputs: realistic payloads, their byte mutations, reshaped documents, deep
 * nesting, huge documents, prototype keys, random bytes and nothing at all.
 * @returns {fc.Arbitrary<Buffer>}
 */
export function hookInput() {
  const realistic = fc.constantFrom(...REALISTIC);
  return fc.oneof(
    { weight: 3, arbitrary: realistic },
    { weight: 6, arbitrary: mutated(realistic, realistic) },
    { weight: 6, arbitrary: reshaped },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: prototypeKeys },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 512 }).map((raw) => Buffer.from(raw)) },
    { weight: 1, arbitrary: fc.constant(Buffer.alloc(0)) },
  );
}
