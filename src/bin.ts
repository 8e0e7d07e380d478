#!/usr/bin/env node
// The executable: run the CLI and hand its exit code to the process. Nothing else.
import { main } from './cli.js'

process.exitCode = await main(process.argv)
