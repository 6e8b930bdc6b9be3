#!/usr/bin/env node
// The ddss command: the CLI lives in the library build (dist/cli.js).
import "../dist/cli.js";
