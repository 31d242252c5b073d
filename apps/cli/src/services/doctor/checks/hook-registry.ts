import { open, readdir } from "node:fs/promises";
import { join, relative } from "node:path";

/** One hook entry found in cPanel's registry. */
export interface RegisteredHook {
  /** `<Category>/<Event>` from the file's path, e.g. `Cpanel/UAPI::Email::add_forwarder`. */
  event: string;
  /** The `hook:` string (the script path plus any arguments). */
  hook: string;
  /** The `escalateprivs:` value as written, when present. */
  escalateprivs?: string;
}

const MAX_FILE_BYTES = 1024 * 1024;
const MAX_DEPTH = 3;

/**
 * Reads cPanel's hook registry: every `*.yaml` under `directory`
 * (`/var/cpanel/hooks/data/<Category>/<Event>.yaml`, cpanel.md §3.2), at most 1 MiB each.
 * Assumption (documented in the README): each hook entry is a YAML list item whose keys
 * (`hook`, `escalateprivs`, …) are plain `key: value` lines; the scan does not depend on
 * what the list is nested in. Never throws: unreadable files and directories are skipped.
 */
export async function readHookRegistry(directory: string): Promise<RegisteredHook[]> {
  const hooks: RegisteredHook[] = [];
  for (const file of await yamlFiles(directory, 0)) {
    const text = await readBounded(file);
    if (text === undefined) continue;
    const event = relative(directory, file).replace(/\.yaml$/, "");
    for (const entry of listItems(text)) {
      if (entry.hook === undefined) continue;
      hooks.push(
        entry.escalateprivs === undefined
          ? { event, hook: entry.hook }
          : { event, hook: entry.hook, escalateprivs: entry.escalateprivs },
      );
    }
  }
  return hooks.sort((a, b) => (a.event < b.event ? -1 : a.event > b.event ? 1 : 0));
}

/** The `key: scalar` pairs of each YAML block-list item in `text`. Never throws. */
export function listItems(text: string): Array<Record<string, string>> {
  const items: Array<Record<string, string>> = [];
  let current: Record<string, string> | undefined;
  let keyIndent = -1;
  for (const line of text.split(/\r?\n/)) {
    const item = /^(\s*)-(\s+|$)(.*)$/.exec(line);
    if (item !== null) {
      current = {};
      items.push(current);
      keyIndent = item[1]!.length + 1 + item[2]!.length;
      setPair(current, item[3]!);
      if (item[3] === "") keyIndent = -1; // the first key line sets the indent
      continue;
    }
    const pair = /^(\s*)([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(line);
    if (pair === null || current === undefined) continue;
    const indent = pair[1]!.length;
    if (keyIndent === -1) keyIndent = indent;
    if (indent === keyIndent) current[pair[2]!] = unquote(pair[3] ?? "");
    else if (indent < keyIndent) current = undefined;
  }
  return items;
}

function setPair(target: Record<string, string>, text: string): void {
  const pair = /^([A-Za-z_][\w-]*):(?:\s+(.*))?$/.exec(text);
  if (pair !== null) target[pair[1]!] = unquote(pair[2] ?? "");
}

function unquote(value: string): string {
  const trimmed = value.trim();
  const quoted = /^'(.*)'$/.exec(trimmed) ?? /^"(.*)"$/.exec(trimmed);
  return quoted === null ? trimmed : quoted[1]!;
}

async function yamlFiles(directory: string, depth: number): Promise<string[]> {
  if (depth > MAX_DEPTH) return [];
  const entries = await readdir(directory, { withFileTypes: true }).catch(() => []);
  const files: string[] = [];
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) files.push(...(await yamlFiles(path, depth + 1)));
    else if (entry.isFile() && entry.name.endsWith(".yaml")) files.push(path);
  }
  return files;
}

async function readBounded(path: string): Promise<string | undefined> {
  try {
    const handle = await open(path, "r");
    try {
      const buffer = Buffer.alloc(MAX_FILE_BYTES);
      const { bytesRead } = await handle.read(buffer, 0, MAX_FILE_BYTES, 0);
      return buffer.toString("utf8", 0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch {
    return undefined;
  }
}
