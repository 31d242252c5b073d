#!/usr/bin/env node
import "../dist/transmitter.js";
