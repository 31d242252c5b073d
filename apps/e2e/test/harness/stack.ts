import type { ApplicationConfig, ConfigFileContent, LogType } from "@spoor/config";
import { waitFor } from "@spoor/test-support";
import { type DaemonProcess, startAgent } from "./daemon-process.js";
import { type FaultProxy, startFaultProxy } from "./fault-proxy.js";
import { type ReceiverProcess, startReceiverProcess } from "./receiver-process.js";
import { makeSpoorRoot, type SpoorRoot } from "./spoor-root.js";

/** Receiver ← fault proxy ← agent, over one temp root. */
export interface Stack {
  receiver: ReceiverProcess;
  proxy: FaultProxy;
  root: SpoorRoot;
  reporter: string;
  followers: readonly LogType[];
  /** The current agent process (replaced by {@link Stack.restartAgent}). */
  agent: DaemonProcess;
  /** Every agent process started so far, oldest first. */
  agents: DaemonProcess[];
  /** Starts a new agent (the previous one must have exited) and waits for its followers. */
  restartAgent(): Promise<DaemonProcess>;
  /** Stops everything and removes the root. */
  close(): Promise<void>;
}

/** What {@link startStack} configures. */
export interface StackOptions {
  followers: readonly LogType[];
  reporter: string;
  transmission?: Partial<Omit<ConfigFileContent["transmission"], "credentials" | "host">>;
  application?: Partial<ApplicationConfig>;
  /** Extra environment of the agent (e.g. `SPOOR_LOG_LEVEL: "debug"`). */
  env?: Record<string, string>;
}

/**
 * Starts a receiver (in-memory database), a fault proxy in `pass` mode in front of it, a
 * temp root whose config points at the proxy, and the agent; resolves once every follower
 * has opened its log and saved its first checkpoint (so a kill at any later moment resumes
 * from a checkpoint instead of "the end of a log never seen").
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const receiver = await startReceiverProcess();
  const proxy = await startFaultProxy(receiver.url);
  const root = await makeSpoorRoot({
    followers: options.followers,
    host: proxy.url,
    reporter: options.reporter,
    transmission: options.transmission,
    application: options.application,
  });
  const launch = async (): Promise<DaemonProcess> => {
    const agent = await startAgent(root.configPath, options.followers, options.env);
    stack.agents.push(agent);
    stack.agent = agent;
    return agent;
  };
  const stack: Stack = {
    receiver,
    proxy,
    root,
    reporter: options.reporter,
    followers: options.followers,
    agent: undefined as unknown as DaemonProcess,
    agents: [],
    restartAgent: launch,
    async close() {
      for (const agent of stack.agents) await agent.stop("SIGKILL");
      await proxy.close();
      await receiver.stop();
      await root.cleanup();
    },
  };
  try {
    await launch();
    for (const type of options.followers) {
      await waitFor(`${type} checkpoint`, () => root.checkpoint(type), { timeoutMs: 60_000 });
    }
  } catch (error) {
    await stack.close();
    throw error;
  }
  return stack;
}
