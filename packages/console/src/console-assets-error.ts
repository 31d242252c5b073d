/** The console's built assets are missing or unreadable (the package was not built). */
export class ConsoleAssetsError extends Error {
  override readonly name = "ConsoleAssetsError";
}
