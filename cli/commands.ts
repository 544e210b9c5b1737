import { EXIT, InputError, UsageError } from "./errors";
import { importUsage, runImport } from "./import/command";
import { reviewUsage, runReview } from "./review/command";

/** What `pulumi-identity` alone, or with --help, prints. */
export const topUsage = `Usage: pulumi-identity <command> [options]

Commands:
  emulator   serve local emulators of the Okta ASA, Secureframe and ScaiKey APIs (runs the
             pulumi-identity-emulator package's command; \`pulumi-identity emulator --help\`)
  review     an access review of \`pulumi preview --json\`, in Markdown (for a pull request) and JSON
  import     write a TypeScript module declaring a live ASA team's groups and members (adopt: true),
             and optionally Secureframe and ScaiKey users

\`pulumi-identity <command> --help\` shows a command's options and exit codes.
`;

interface Command {
  usage: string;
  run(args: string[]): Promise<number>;
}

/** The commands other than \`emulator\` (which cli/index.ts runs itself). */
export const commands: Record<string, Command> = {
  review: { usage: reviewUsage, run: runReview },
  import: { usage: importUsage, run: runImport },
};

/** Runs a command; its errors become a message and an exit code (cli/errors.ts). */
export async function runCommand(command: Command, args: string[]): Promise<number> {
  try {
    return await command.run(args);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith("ERR_PARSE_ARGS")) {
      process.stderr.write(`${(error as Error).message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (error instanceof InputError) {
      process.stderr.write(`${error.message}\n`);
      return EXIT.failed;
    }
    throw error;
  }
}
