#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js); `npm install` builds it through `prepare`.
import { main } from '../dist/bundle/main.js';

await main();
