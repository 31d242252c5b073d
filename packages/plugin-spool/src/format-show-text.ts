import type { SpoolShowResult } from "./services/spool-show.js";

/**
 * The text form of `spoor spool show`: where the file is, the entry's JSON, and the request
 * line, headers and body the transmitter sends for it. Never throws.
 */
export function formatShowText(result: SpoolShowResult): string {
  const lines = [`file: ${result.path}`, `queue: ${result.queue}`];
  if (result.reason !== undefined) lines.push(`reason: ${result.reason}`);
  lines.push("", "entry:", JSON.stringify(result.entry, null, 2), "");
  const { request } = result;
  if (request === undefined) {
    lines.push("request: none (this entry has no wire format or no id)");
  } else {
    const verb = result.queue === "transmitted" ? "was sent as" : "is sent as";
    lines.push(`request (${verb}; secret masked):`, `${request.method} ${request.url}`);
    for (const [name, value] of Object.entries(request.headers)) lines.push(`${name}: ${value}`);
    lines.push("", request.body);
  }
  return `${lines.join("\n")}\n`;
}
