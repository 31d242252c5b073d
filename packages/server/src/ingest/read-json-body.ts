import type { IncomingMessage } from "node:http";
import { HttpProblem } from "../http/http-problem.js";

const decoder = new TextDecoder("utf-8", { fatal: true });

/** A parsed body, and whether its bytes had to be read as Latin-1. */
export interface JsonBody {
  document: unknown;
  latin1: boolean;
}

/**
 * Reads a JSON request body of at most `maxBytes`: the content type must be
 * `application/json` and the text JSON. Bytes that are not valid UTF-8 are read as Latin-1
 * (the Perl original sends `é` as the byte 0xE9; original-wire.md), and `latin1` says so.
 * Reading stops as soon as the limit is passed (declared by Content-Length or counted while
 * streaming).
 *
 * @throws HttpProblem 415 (content type), 413 (too large; the connection is closed), 400
 *   (not JSON, or the upload broke off).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<JsonBody> {
  const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/json") {
    throw new HttpProblem(415, "the body must be sent as Content-Type: application/json");
  }
  const tooLarge = () =>
    new HttpProblem(413, `the body is larger than ${maxBytes} bytes`, { closeConnection: true });
  if (Number(request.headers["content-length"] ?? 0) > maxBytes) throw tooLarge();
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of request) {
      total += (chunk as Buffer).length;
      if (total > maxBytes) throw tooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    if (error instanceof HttpProblem) throw error;
    throw new HttpProblem(400, "the request body broke off", { closeConnection: true });
  }
  const bytes = Buffer.concat(chunks);
  let text: string;
  let latin1 = false;
  try {
    text = decoder.decode(bytes);
  } catch {
    text = bytes.toString("latin1");
    latin1 = true;
  }
  try {
    return { document: JSON.parse(text), latin1 };
  } catch {
    throw new HttpProblem(400, "the body is not valid JSON");
  }
}
