#!/usr/bin/env node
// The bundled CLI (scripts/bundle.js), built before packing (`prepack`) and by `npm run build` in a clone.
// Written so that old Node versions can parse it (no import statement, no top-level
// await): an unsupported Node gets one line and exit 2 before the bundle loads (README.md#exit-codes).
var version = process.versions.node.split('.').map(Number);
if (version[0] < 20 || (version[0] === 20 && version[1] < 19)) {
  process.stderr.write('shipready: error: Node.js ' + process.versions.node + ' is not supported; install Node.js 20.19 or newer\n');
  process.exit(2);
}
import('../dist/bundle/main.js').then(function (cli) {
  return cli.main();
});
