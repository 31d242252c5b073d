/** `spoor-access-follower`: follows the cPanel access log into the spool (systemd unit spoor-access-follower). */
import { daemonMain } from "./daemon-main.js";
import { followerDaemon } from "./follower-daemon.js";

await daemonMain("spoor-access-follower", followerDaemon("access"));
