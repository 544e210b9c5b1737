import { readFile, writeFile } from "node:fs/promises";
import { type EmulatorData, EmulatorDataError, parseEmulatorData } from "./data-schema";

export async function readDataFile(path: string): Promise<EmulatorData> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new EmulatorDataError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new EmulatorDataError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseEmulatorData(json, `data in ${path}`);
}

export async function writeDataFile(path: string, data: EmulatorData): Promise<void> {
  await writeFile(path, `${JSON.stringify(data, null, 2)}\n`);
}
