import { definePackageConfig } from "@spoor/tsup-config";
import type { Options } from "tsup";

// Two builds into one dist/: the library (declarations, workspace packages external) and the
// hook script, one self-contained ESM file with every dependency inlined so the installer can
// copy it anywhere
// (it needs nothing but Node). They build concurrently, so only the library build cleans dist/ and it
// spares the hook's output.
const configs: Options[] = [
  definePackageConfig({ index: "src/index.ts" }, { clean: ["!hook.js"] }),
  definePackageConfig(
    { hook: "src/hook-main.ts" },
    {
      dts: false,
      clean: false,
      sourcemap: false,
      splitting: false,
      noExternal: [/.*/],
      // yaml is CommonJS and requires Node built-ins; an ESM bundle has no `require` of its own.
      banner: {
        js: 'import { createRequire as __spoorCreateRequire } from "node:module";\nconst require = __spoorCreateRequire(import.meta.url);',
      },
    },
  ),
].flat();

export default configs;
