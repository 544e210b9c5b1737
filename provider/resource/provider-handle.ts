import type * as pulumi from "@pulumi/pulumi";
import { handleNameOf, type ResourceKind } from "./spec";

/**
 * The provider object Pulumi serializes into each resource's `__provider`. It holds only the
 * resource kind: at run time it loads the provider from the package installed in the project's
 * node_modules. So no credential or module value is captured, and upgrading the package changes
 * what later read/delete calls run (see docs/architecture.md).
 *
 * In the built package each kind's handle is the whole `module.exports` of its file in
 * dist/provider/handles/ (written from the specs by scripts/write-handles): installed under
 * node_modules, Pulumi serializes it as a bare `require()` of that file (a few hundred bytes).
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

/**
 * The handle the SDK gives Pulumi for a kind: built, its file's (see above); from the sources,
 * which have no such files and whose handles Pulumi copies by value anyway, a new one.
 */
export function handleOf(kind: ResourceKind): pulumi.dynamic.ResourceProvider {
  if (!__filename.endsWith(".js")) return providerHandle(kind);
  return require(`../handles/${handleNameOf(kind)}.js`);
}
