// The SDK loads its provider handles with `import x = require(...)` (so Pulumi serializes them
// as a bare require): vitest leaves `require` to Node, which needs tsx to load a .ts file.
// (A require, not an import: TypeScript's node10 resolution does not see tsx's subpath exports.)
const { register } = require("tsx/cjs/api") as { register: () => void };
register();
