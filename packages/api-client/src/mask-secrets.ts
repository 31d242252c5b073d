/**
 * Returns a copy of a request whose `Authorization` header (any spelling) reads `Basic ****`,
 * safe to print or log. The input is not changed. Never throws.
 */
export function maskSecrets<T extends { headers: Record<string, string> }>(request: T): T {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = name.toLowerCase() === "authorization" ? "Basic ****" : value;
  }
  return { ...request, headers };
}
