#!/usr/bin/env node
import "../dist/login-follower.js";
