import type * as pulumi from "@pulumi/pulumi";
import type { ResourceKind } from "./spec";

/**
 * The provider object Pulumi serializes into each resource's `__provider`. It holds only the
 * resource kind: at run time it loads the provider from the package installed in the project's
 * node_modules. So no credential or module value is captured, and upgrading the package changes
 * what later read/delete calls run (see docs/architecture.md).
 *
 * Each handle is the whole `module.exports` of a file in provider/handles/: when the package is installed
 * under node_modules, Pulumi serializes it as a bare `require()` of that file (a few hundred bytes).
 * Loaded from a source checkout, it is copied by value: each method names the module literally,
 * because closure serialization copies every function on its own and leaves `require` free.
 */
export function providerHandle(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  return {
    configure: (req) => require("pulumi-identity/dist/provider/registry.js").configure(req),
    check: (olds, news) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).check(olds, news),
    diff: (id, olds, news) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).diff(id, olds, news),
    create: (inputs) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).create(inputs),
    read: (id, props) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).read(id, props),
    update: (id, olds, news) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).update(id, olds, news),
    delete: (id, props) =>
      require("pulumi-identity/dist/provider/registry.js").providerFor(kind).delete(id, props),
  };
}
