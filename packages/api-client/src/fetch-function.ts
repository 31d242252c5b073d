import type { Agent } from "node:http";

/** The request options the client passes to its `fetch`. */
export interface FetchInit {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal: AbortSignal;
  /** The keep-alive agent for the URL (node-fetch takes it too; other fetch implementations ignore it). */
  agent: (url: URL) => Agent;
  /** No transparent decompression, so body limits count real bytes (node-fetch's option). */
  compress: false;
  /** Redirects are answered, not followed (an Authorization header never travels on). */
  redirect: "manual";
}

/** The parts of a fetch response the client reads. */
export interface FetchResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: AsyncIterable<Uint8Array | string> | null;
}

/** A fetch implementation: node-fetch by default; inject another to test exotic failures. */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;
