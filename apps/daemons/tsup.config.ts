import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// The library entry keeps declarations and imports its dependencies. The daemon entries are
// executables: each is bundled with every dependency inlined (shared chunks between them), so
// a daemon loads a handful of ESM modules instead of ~150, and no CommonJS (yaml is ~60
// CommonJS files): about 1.3 MiB less resident when idle, 2.6 MiB less at start-up (measured
// on spoor-agent; see README "Footprint"). tune-v8 stays a tiny entry of its own: the bins
// import it first.
const config: Options[] = [
  definePackageConfig({ index: "src/index.ts" }, { clean: false }),
  definePackageConfig(
    {
      agent: "src/agent.ts",
      "access-follower": "src/access-follower.ts",
      "error-follower": "src/error-follower.ts",
      "login-follower": "src/login-follower.ts",
      "session-follower": "src/session-follower.ts",
      transmitter: "src/transmitter.ts",
      "tune-v8": "src/tune-v8.ts",
    },
    {
      dts: false,
      clean: false,
      sourcemap: false,
      noExternal: [/.*/],
      // Whitespace and comments out, names kept (readable stack traces). V8 keeps every loaded
      // module's source text on the heap, and one non-Latin-1 character in a comment makes
      // it a two-byte string: 1.4 MiB of source strings at idle before, ~0.4 MiB after (code
      // itself is ASCII already: esbuild escapes the rest by default). Licence comments of the bundled dependencies go to `dist/*.LEGAL.txt`.
      minifyWhitespace: true,
      minifySyntax: true,
      esbuildOptions(options) {
        options.legalComments = "external";
      },
      // yaml is CommonJS and requires Node built-ins; an ESM bundle has no `require` of its own.
      banner: {
        js: 'import { createRequire as __spoorCreateRequire } from "node:module";\nconst require = __spoorCreateRequire(import.meta.url);',
      },
    },
  ),
  // The server: its library (@spoor/server, one built file) stays an import, so the native
  // SQLite driver, nodemailer and the IP data load from their own packages as they expect.
  definePackageConfig(
    { server: "src/server.ts" },
    { dts: false, clean: false, sourcemap: false, minifyWhitespace: true, minifySyntax: true },
  ),
].flat();
export default config;
