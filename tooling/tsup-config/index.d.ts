import type { Options } from "tsup";

/** Builds a package's entries as ESM for Node 20 with declarations. */
export declare function definePackageConfig(
  entry: Record<string, string> | string[],
  overrides?: Options,
): Options | Options[];
