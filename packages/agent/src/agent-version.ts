import packageJson from "../package.json" with { type: "json" };

/** This agent's version (from its package.json, inlined at build time): sent in heartbeats. */
export const AGENT_VERSION: string = packageJson.version;
