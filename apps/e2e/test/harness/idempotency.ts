import type { SeenRequest } from "./fault-proxy.js";

/**
 * Checks the requests a proxy saw for "duplicates only as repeated keys": every address was
 * sent under exactly one `Idempotency-Key`, and no key carried two addresses. Returns the
 * offending addresses and keys (both empty when the rule holds) and how many requests
 * repeated an already-used key.
 */
export function keyViolations(requests: readonly SeenRequest[]): {
  addressesWithSeveralKeys: string[];
  keysWithSeveralAddresses: string[];
  repeatedSends: number;
} {
  const keysByAddress = new Map<string, Set<string>>();
  const addressesByKey = new Map<string, Set<string>>();
  let repeatedSends = 0;
  for (const request of requests) {
    const key = request.idempotencyKey;
    if (key === undefined || request.addresses.length === 0) continue;
    if (addressesByKey.has(key)) repeatedSends += 1;
    for (const address of request.addresses) {
      keysByAddress.set(address, (keysByAddress.get(address) ?? new Set()).add(key));
      addressesByKey.set(key, (addressesByKey.get(key) ?? new Set()).add(address));
    }
  }
  return {
    addressesWithSeveralKeys: [...keysByAddress]
      .filter(([, keys]) => keys.size > 1)
      .map(([a]) => a),
    keysWithSeveralAddresses: [...addressesByKey].filter(([, set]) => set.size > 1).map(([k]) => k),
    repeatedSends,
  };
}
