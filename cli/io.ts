import { readFile, writeFile } from "node:fs/promises";
import { InputError, UsageError } from "./errors";

/** The whole of standard input; a usage error when it is a terminal (nothing was piped in). */
export async function readStdin(what: string): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError(
      `nothing on standard input: give a FILE, or pipe ${what} into the command`,
    );
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A file's text, or an InputError naming the option, the path and why. */
export async function readInput(path: string, option: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
    throw new InputError(`cannot read ${option} ${path}: ${reason}`);
  }
}

/** Writes to a file, or to standard output for "-". */
export async function writeOutput(path: string, text: string): Promise<void> {
  if (path === "-") {
    process.stdout.write(text);
    return;
  }
  try {
    await writeFile(path, text);
  } catch (error) {
    throw new InputError(`cannot write ${path}: ${(error as Error).message}`);
  }
}
