#!/usr/bin/env node
import "../dist/tune-v8.js";
import "../dist/server.js";
