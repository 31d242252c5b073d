export { ConsoleAssetsError } from "./console-assets-error.js";
export { type ConsoleAssets, type ConsoleFile, loadConsoleAssets } from "./load-console-assets.js";
