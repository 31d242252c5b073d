import { readdir } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { UsageError } from "@spoor/errors";

const GLOB = /[*?[]/;

/**
 * The files named by `patterns`, in order: a plain path as it is, a pattern whose last
 * component holds `*`, `?` or `[…]` (quoted, so the shell left it alone) as the matching
 * names of its directory, sorted. A pattern with a wildcard in a directory part is refused.
 * @throws UsageError for a pattern that matches nothing or cannot be expanded.
 */
export async function expandGlobs(patterns: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!GLOB.test(basename(pattern))) {
      files.push(pattern);
      continue;
    }
    const directory = dirname(pattern);
    if (GLOB.test(directory)) {
      throw new UsageError(`cannot expand ${pattern}: wildcards only in the file name`);
    }
    const matcher = globRegExp(basename(pattern));
    const names = await readdir(directory).catch(() => {
      throw new UsageError(`cannot expand ${pattern}: cannot read ${directory}`);
    });
    const matched = names.filter((name) => matcher.test(name) && !name.startsWith(".")).sort();
    if (matched.length === 0) throw new UsageError(`no file matches ${pattern}`);
    files.push(...matched.map((name) => join(directory, name)));
  }
  return files;
}

function globRegExp(glob: string): RegExp {
  let source = "";
  for (let index = 0; index < glob.length; index += 1) {
    const char = glob[index]!;
    if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[") {
      const end = glob.indexOf("]", index + 1);
      if (end === -1) source += "\\[";
      else {
        const body = glob
          .slice(index + 1, end)
          .replace(/^!/, "^")
          .replace(/\\/g, "\\\\");
        source += `[${body}]`;
        index = end;
      }
    } else source += char.replace(/[.+^${}()|\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
