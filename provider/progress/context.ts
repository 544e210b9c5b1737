import { AsyncLocalStorage } from "node:async_hooks";
import type { ResourceProgress } from "./resource-progress";

/** The progress of the resource whose provider method is running: calls report their waits to it. */
const current = new AsyncLocalStorage<ResourceProgress>();

export function withProgress<T>(progress: ResourceProgress, run: () => Promise<T>): Promise<T> {
  return current.run(progress, run);
}

export function currentProgress(): ResourceProgress | undefined {
  return current.getStore();
}
