import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConsoleAssetsError } from "./console-assets-error.js";

/** One file the server answers with. */
export interface ConsoleFile {
  body: Buffer;
  contentType: string;
  /** A strong ETag (quoted) of the body. */
  etag: string;
}

/** The console as the server serves it. */
export interface ConsoleAssets {
  /** The HTML shell (`/`): revalidated on every load, so a new build is picked up. */
  html: ConsoleFile;
  /**
   * The hashed assets by URL path (`/assets/console-HASH.js`, `…css`, `/assets/favicon-HASH.svg`):
   * their names change with their content, so they may be cached for good (`immutable`).
   */
  assets: ReadonlyMap<string, ConsoleFile>;
}

const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".svg": "image/svg+xml",
};

function file(path: string): ConsoleFile {
  const body = readFileSync(path);
  const extension = path.slice(path.lastIndexOf("."));
  const hash = createHash("sha256").update(body).digest("base64url").slice(0, 22);
  return { body, contentType: TYPES[extension] ?? "application/octet-stream", etag: `"${hash}"` };
}

/**
 * Reads the built console (`dist/public`, written by `scripts/build-assets.js`) into memory:
 * about 17 KiB, read once at server start.
 *
 * @param directory where the built files are (default: this package's `dist/public`).
 * @throws ConsoleAssetsError when the manifest or a file it names is missing or malformed.
 */
export function loadConsoleAssets(
  directory = fileURLToPath(new URL("./public/", import.meta.url)),
): ConsoleAssets {
  try {
    const manifest = JSON.parse(readFileSync(join(directory, "manifest.json"), "utf8")) as {
      html: string;
      assets: string[];
    };
    const assets = new Map<string, ConsoleFile>();
    for (const name of manifest.assets) {
      if (!/^(console|favicon)-[A-Za-z0-9]+\.(js|css|svg)$/.test(name))
        throw new Error(`bad asset ${name}`);
      assets.set(`/assets/${name}`, file(join(directory, name)));
    }
    return { html: file(join(directory, manifest.html)), assets };
  } catch (error) {
    throw new ConsoleAssetsError(
      `the console's built assets are unusable in ${directory} (${(error as Error).message}); build @spoor/console`,
    );
  }
}
