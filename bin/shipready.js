#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js), built before packing (`prepack`) and by `npm run build` in a clone.
import { main } from '../dist/bundle/main.js';

await main();
