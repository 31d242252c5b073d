#!/usr/bin/env node
import "../dist/error-follower.js";
