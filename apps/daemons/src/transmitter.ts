/** `spoor-transmitter`: sends spooled entries to the Spoor API (systemd unit spoor-transmitter). */
import { createServices, runTransmitter } from "@spoor/agent";
import { daemonMain } from "./daemon-main.js";

await daemonMain("spoor-transmitter", async ({ config, logger, signal }) => {
  const services = createServices(config);
  try {
    await runTransmitter({ config, logger, signal, ...services });
  } finally {
    services.close();
  }
});
