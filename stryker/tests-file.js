// Where the dry run records which test file holds which test: inside the sandbox Stryker copies the
// repository into, so every run starts without one.
const path = require("node:path");

/** The JSON-lines file of `{ testPath, name }` records (record-tests.js writes it, sequencer.js reads it). */
exports.TESTS_FILE = path.join(__dirname, "..", ".stryker-tests.jsonl");
