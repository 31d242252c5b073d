/** `spoor-error-follower`: follows the cPanel error log into the spool (systemd unit spoor-error-follower). */
import { daemonMain } from "./daemon-main.js";
import { followerDaemon } from "./follower-daemon.js";

await daemonMain("spoor-error-follower", followerDaemon("error"));
