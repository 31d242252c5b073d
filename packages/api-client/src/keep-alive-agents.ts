import { Agent as HttpAgent } from "node:http";
import { Agent as HttpsAgent } from "node:https";

/** One keep-alive agent per protocol, so consecutive requests reuse their connection. */
export interface KeepAliveAgents {
  /** The agent for a request URL (TLS verification stays on: Node's default). */
  agentFor(url: URL): HttpAgent;
  /** Destroys every pooled socket. */
  destroy(): void;
}

/** Creates the agents lazily (an https-only client never opens an http agent). Never throws. */
export function createKeepAliveAgents(): KeepAliveAgents {
  let http: HttpAgent | undefined;
  let https: HttpsAgent | undefined;
  return {
    agentFor(url) {
      if (url.protocol === "https:") {
        https ??= new HttpsAgent({ keepAlive: true });
        return https;
      }
      http ??= new HttpAgent({ keepAlive: true });
      return http;
    },
    destroy() {
      http?.destroy();
      https?.destroy();
    },
  };
}
