export { isLoopbackHost, isPlainHttpAllowed } from "./is-loopback-host.js";
