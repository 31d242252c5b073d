export { TAKEOVER_ALERT } from "./alert-samples.js";
export { type CheckoutRun, planCheckoutRun } from "./checkout-run.js";
export { CHROMIUM_ARGS, CHROMIUM_PATH, chromiumLaunchOptions } from "./chromium-options.js";
export { type Cleanup, CleanupStack } from "./cleanup-stack.js";
export { type CorpusLog, corpusLines, corpusPath } from "./corpus.js";
export { type CpanelLog, type CpanelRoot, makeCpanelRoot } from "./cpanel-root.js";
export { FORWARDER_ARGS, forwarderHookData, hookPayload } from "./hook-payloads.js";
export {
  type HookSandbox,
  type HookSandboxOptions,
  makeHookSandbox,
  type SandboxSpool,
} from "./hook-sandbox.js";
export {
  forwarderAddLine,
  forwarderRemoveLine,
  webmailLoginLine,
  webmailSessionLine,
} from "./log-lines.js";
export { ORIGINAL_CONFIG } from "./original-config.js";
export {
  hookLogLine,
  ORIGINAL_A,
  ORIGINAL_E,
  ORIGINAL_L,
  ORIGINAL_R,
} from "./original-lines.js";
export {
  ACCESS_SAMPLES,
  ERROR_SAMPLES,
  LOGIN_SAMPLES,
  originalEntry,
  type SampleLine,
  SESSION_SAMPLE,
} from "./original-samples.js";
export { type PostgresCluster, postgresBinDir, startPostgresCluster } from "./postgres-cluster.js";
export { copyReadableByOthers, type ReadableCopy } from "./readable-copy.js";
export {
  type ReceiverOptions,
  type ReceiverProcess,
  receiverBin,
  startReceiver,
  TEST_SERVER_CONFIG,
} from "./receiver-process.js";
export { rejectionOf, thrownBy } from "./rejection-of.js";
export { NOBODY, type NodeRun, type RunNodeOptions, runNode } from "./run-node.js";
export { makeCertificate, type TestCertificate } from "./self-signed-cert.js";
export { hasSystemdAnalyze, unitExposure, verifyUnit } from "./systemd-analyze.js";
export { type EachTestHooks, makeTempDir, type TempDir, tempDirEach } from "./temp-dir.js";
export { type WaitForOptions, waitFor } from "./wait-for.js";
