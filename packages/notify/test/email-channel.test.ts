import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { makeCertificate, rejectionOf, type TestCertificate } from "@spoor/test-support";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  createEmailChannel,
  type EmailChannelConfig,
  NotifyDeliveryError,
  type NotifyMessage,
} from "../src/index.js";
import { alertMessage, channelBase, makeAlert } from "./alert-fixture.js";
import { decodeHeaderWords, decodeQuotedPrintable } from "./quoted-printable.js";
import { mailHeaders, type SmtpPeer, startSmtpPeer } from "./smtp-peer.js";

const message = alertMessage("5b0f4f1e-0000-4000-8000-000000000002", "opened");
const context = { publicUrl: "https://spoor.example.net", signal: new AbortController().signal };

let directory: string;
let certificate: TestCertificate;
let peer: SmtpPeer | undefined;
beforeAll(() => {
  directory = mkdtempSync(join(tmpdir(), "notify-email-"));
  certificate = makeCertificate(directory);
});
afterAll(() => rmSync(directory, { recursive: true, force: true }));
afterEach(async () => {
  await peer?.close();
  peer = undefined;
});

function config(smtp: string, overrides: Partial<EmailChannelConfig> = {}): EmailChannelConfig {
  return {
    type: "email",
    ...channelBase("mail"),
    smtp,
    from: "spoor@example.net",
    to: ["abuse@example.net", "noc@example.net"],
    require_tls: false,
    ...overrides,
  };
}

function bodyOf(raw: string): string {
  return decodeQuotedPrintable(raw.slice(raw.indexOf("\r\n\r\n") + 4)).replace(/\r\n/g, "\n");
}

describe("email channel", () => {
  it("sends a plain-text mail over STARTTLS, trusting a self-signed peer through ca_file", async () => {
    peer = await startSmtpPeer({ tls: certificate, auth: { user: "spoor", pass: "p@ss word" } });
    const channel = createEmailChannel(
      config(`smtp://spoor:p%40ss%20word@127.0.0.1:${peer.port}`, {
        ca_file: certificate.certPath,
        require_tls: true,
      }),
    );
    await channel.send(message, context);
    await channel.close();
    const [mail] = await peer.waitFor(1);
    expect(mail).toMatchObject({
      mailFrom: "spoor@example.net",
      rcptTo: ["abuse@example.net", "noc@example.net"],
      secure: true,
      user: "spoor",
    });
    const headers = Object.fromEntries(mailHeaders(mail!.raw));
    headers.subject = decodeHeaderWords(headers.subject ?? "");
    expect(headers).toMatchObject({
      from: "spoor@example.net",
      to: "abuse@example.net, noc@example.net",
      subject:
        "[spoor] HIGH takeover-sequence: alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen f…",
      "x-spoor-delivery": "5b0f4f1e-0000-4000-8000-000000000002",
      "content-type": "text/plain; charset=utf-8",
    });
    expect(bodyOf(mail!.raw)).toBe(
      [
        "HIGH takeover-sequence alert 17 opened: alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)",
        "",
        "Alert:        17 (takeover-sequence, high, opened)",
        "Summary:      alice@example.com: forwarder to attacker@evil.example added 40 s after the first login from 203.0.113.77 (AS64500, never seen for this mailbox in 30 days)",
        "Hosts:        cpanel1.example.net",
        "Mailboxes:    alice@example.com",
        "IPs:          203.0.113.77",
        "Forwarded to: attacker@evil.example",
        "Evidence:     events 101, 102",
        "First event:  2025-12-03T10:00:00Z",
        "Last event:   2025-12-03T10:00:40Z",
        "Console:      https://spoor.example.net/alerts/17",
        "",
        "-- ",
        "spoor notification 5b0f4f1e-0000-4000-8000-000000000002",
        "",
      ].join("\n"),
    );
  });

  it("refuses a STARTTLS peer whose certificate it cannot verify", async () => {
    peer = await startSmtpPeer({ tls: certificate });
    const channel = createEmailChannel(config(`smtp://127.0.0.1:${peer.port}`));
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    await channel.close();
    expect(error.permanent).toBe(false);
    expect(error.message).toMatch(/self[- ]signed certificate/);
    expect(peer.mails).toHaveLength(0);
  });

  it("with require_tls refuses a server that offers no STARTTLS", async () => {
    peer = await startSmtpPeer();
    const channel = createEmailChannel(
      config(`smtp://127.0.0.1:${peer.port}`, { require_tls: true }),
    );
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    await channel.close();
    expect(error.message).toContain("STARTTLS");
    expect(peer.mails).toHaveLength(0);
  });

  it("speaks implicit TLS over smtps://", async () => {
    peer = await startSmtpPeer({ tls: certificate, secure: true });
    const channel = createEmailChannel(
      config(`smtps://127.0.0.1:${peer.port}`, { ca_file: certificate.certPath }),
    );
    await channel.send(message, context);
    await channel.close();
    expect((await peer.waitFor(1)).map((mail) => mail.secure)).toEqual([true]);
  });

  it.each([
    [550, true],
    [451, false],
  ])("treats an SMTP %i as permanent=%s", async (code, permanent) => {
    peer = await startSmtpPeer({ rejectData: code });
    const channel = createEmailChannel(config(`smtp://127.0.0.1:${peer.port}`));
    const error = await rejectionOf(channel.send(message, context), NotifyDeliveryError);
    await channel.close();
    expect([error.permanent, error.message.startsWith(`SMTP ${code}`)]).toEqual([permanent, true]);
  });

  it("lets no alert field inject a header or a recipient", async () => {
    peer = await startSmtpPeer();
    const hostile = makeAlert({
      rule: "novel-login\r\nBcc: victim@evil.example",
      severity: "high",
      summary:
        "login\r\nBcc: victim@evil.example\r\nSubject: fake\r\n\r\nforged body\n.\nRCPT TO:<x@evil.example>",
      mailbox_addresses: ["a@example.com\r\nCc: other@evil.example"],
      hosts: ["host\u0000\u001b[31m"],
    });
    const channel = createEmailChannel(config(`smtp://127.0.0.1:${peer.port}`));
    await channel.send({ ...message, alert: hostile } as NotifyMessage, context);
    await channel.close();
    const [mail] = await peer.waitFor(1);
    expect(mail?.rcptTo).toEqual(["abuse@example.net", "noc@example.net"]);
    const headers = mailHeaders(mail!.raw);
    expect(
      headers.map(([name]) => name).filter((name) => ["bcc", "cc", "subject"].includes(name)),
    ).toEqual(["subject"]);
    expect(decodeHeaderWords(Object.fromEntries(headers).subject ?? "")).toBe(
      "[spoor] HIGH novel-login\uFFFD\uFFFDBcc: victim@evil.example: login\uFFFD\uFFFDBcc: victim@evil.example\uFFFD\uFFFDSubject: fake\uFFFD\uFFFD\uFFFD\uFFFDforged body\uFFFD.\uFFFDRCPT TO:<x@evil.example>",
    );
    const body = bodyOf(mail!.raw);
    expect(body).toContain("Mailboxes:    a@example.com\uFFFD\uFFFDCc: other@evil.example\n");
    expect(body).toContain("Hosts:        host\uFFFD\uFFFD[31m\n");
    expect(body.split("\n").filter((line) => /^(Bcc|Cc|Subject|RCPT|\.)/.test(line))).toEqual([]);
  });
});
