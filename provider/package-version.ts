// Resolved through the package's own name (Node's self-reference), so it reads the package.json of
// whichever installed copy is running, from source or from node_modules alike.
export const packageVersion: string = require("pulumi-identity/package.json").version;
