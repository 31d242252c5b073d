import { expect, it } from "vitest";
import { encodeRfc3986, listUrl } from "./list-url.js";

it("builds the list URLs of contract §6", () => {
  expect([
    listUrl("http://localhost:3000", "report", "host1"),
    listUrl("http://localhost:3000", "mailbox_event", "host1"),
  ]).toStrictEqual([
    "http://localhost:3000/api/reports?reports%5Bhost%5D=host1",
    "http://localhost:3000/api/mailbox_events?mailbox_events%5Bhost%5D=host1",
  ]);
});

it("percent-encodes everything but A-Z a-z 0-9 - _ . ~, a space as %20", () => {
  expect(encodeRfc3986("a-b_c.d~e f+g/h!*'()é&=\ud800")).toBe(
    "a-b_c.d~e%20f%2Bg%2Fh%21%2A%27%28%29%C3%A9%26%3D%EF%BF%BD",
  );
});
