import { parseDocument } from "yaml";
import { ConfigError } from "./config-error.js";

/**
 * Parses the text of `spoor.yml` with YAML's failsafe schema: every scalar stays a string, so
 * an identifier like `007` or a secret like `true` arrives exactly as written (as YAML::Tiny
 * wrote it). Messages give only the position and the parser's error code, never file content.
 * @throws ConfigError when the text is not one valid YAML document.
 */
export function parseConfigText(text: string, path: string): unknown {
  const document = parseDocument(text, {
    schema: "failsafe",
    prettyErrors: false,
    uniqueKeys: true,
  });
  const error = document.errors[0];
  if (error !== undefined) {
    const { line, column } = position(text, error.pos[0]);
    throw new ConfigError({
      path,
      problem: `${path} is not valid YAML: ${error.code} at line ${line}, column ${column}.`,
      fix: `correct line ${line} of ${path} (indent with spaces; quote values holding ": " or " #")`,
    });
  }
  try {
    return document.toJS({ maxAliasCount: 50 });
  } catch {
    throw new ConfigError({
      path,
      problem: `${path} is not valid YAML: an alias is undefined or expands too far.`,
      fix: `remove the *alias references from ${path}`,
    });
  }
}

function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}
