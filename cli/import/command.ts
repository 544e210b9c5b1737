export const importUsage = "Usage: pulumi-identity import [options]\n";

export async function runImport(_args: string[]): Promise<number> {
  process.stderr.write("not yet\n");
  return 1;
}
