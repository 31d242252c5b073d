#!/usr/bin/env node
import "../dist/access-follower.js";
