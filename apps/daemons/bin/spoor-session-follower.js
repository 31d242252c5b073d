#!/usr/bin/env node
import "../dist/session-follower.js";
