import assert from "node:assert/strict";
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, readFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, test, vi } from "vitest";
import { parseEmulatorData } from "../../emulator";
import { main } from "../../emulator/cli";
import { call } from "./helpers";

const cli = join(__dirname, "../../emulator/cli.ts");

function runCli(args: string[]): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", cli, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
}

/** Collects stdout until `marker` appears (and keeps reading, so the CLI can still write). */
function readUntil(child: ChildProcess, marker: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      if (output.includes(marker)) resolve(output);
    });
    child.once("exit", () => reject(new Error(`the CLI ended before "${marker}":\n${output}`)));
  });
}

// Each test starts the CLI through tsx, a few seconds per process on a loaded machine.
describe("pulumi-identity-emulator CLI", { timeout: 30_000 }, () => {
  test("emulator starts, prints the base URLs and credentials, serves, and saves on SIGTERM", async () => {
    const save = join(await mkdtemp(join(tmpdir(), "emulator-cli-")), "saved.json");
    const child = runCli(["--port", "0", "--save", save]);
    try {
      const output = await readUntil(child, "Press Ctrl+C");
      const asaUrl = /ASA\s+(http:\/\/\S+\/asa)/.exec(output)?.[1];
      assert.ok(asaUrl, output);
      assert.match(output, /Secureframe\s+http:\/\/\S+\/secureframe/);
      assert.match(output, /ScaiKey\s+http:\/\/\S+\/scaikey/);
      assert.match(output, /key_id 9c4f4a13-6460-4310-9154-339aab21076a/);
      const keySecret = /key_secret (\S+)/.exec(output)?.[1];

      const token = await call(`${asaUrl}/v1/teams/william-faulkner/service_token`, {
        method: "POST",
        json: { key_id: "9c4f4a13-6460-4310-9154-339aab21076a", key_secret: keySecret },
      });
      assert.equal(token.status, 200);
      const created = await call(`${asaUrl}/v1/teams/william-faulkner/groups`, {
        method: "POST",
        headers: { authorization: `Bearer ${token.body.bearer_token}` },
        json: { name: "saved-group" },
      });
      assert.equal(created.status, 201);

      child.kill("SIGTERM");
      const [code] = await once(child, "exit");
      assert.equal(code, 0);
      const saved = parseEmulatorData(JSON.parse(await readFile(save, "utf8")));
      assert.ok(saved.asa.teams[0]?.groups.some((g) => g.name === "saved-group"));
    } finally {
      child.kill();
    }
  });

  test("--help prints the usage; an unknown option exits 2", async () => {
    const help = runCli(["--help"]);
    const output = await readUntil(help, "--empty");
    assert.match(output, /Usage: pulumi-identity-emulator/);
    assert.equal((await once(help, "exit"))[0], 0);
    const bad = runCli(["--colour"]);
    assert.equal((await once(bad, "exit"))[0], 2);
  });

  test("refusals name the problem and exit 2 for usage, 1 for data and a taken port", async () => {
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    const stdout = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
    const written = () => stderr.mock.calls.map(([chunk]) => String(chunk)).join("");
    try {
      assert.equal(await main(["--help"]), 0);
      assert.match(String(stdout.mock.calls[0]?.[0]), /--fault-seed N/);
      assert.equal(await main(["--empty", "--data", "org.json"]), 2);
      assert.match(written(), /--empty and --data cannot go together/);
      assert.equal(await main(["--port", "1.5"]), 2);
      assert.match(written(), /--port must be a whole number/);
      assert.equal(await main(["--colour"]), 2);
      assert.equal(await main(["--data", join(tmpdir(), "no-such-org.json")]), 1);
      assert.match(written(), /Cannot read .*no-such-org\.json/);

      const taken = createServer().listen(0, "127.0.0.1");
      await once(taken, "listening");
      const { port } = taken.address() as { port: number };
      try {
        assert.equal(await main(["--port", String(port)]), 1);
        assert.match(written(), /EADDRINUSE.*: choose another --port/);
      } finally {
        taken.close();
      }
    } finally {
      stderr.mockRestore();
      stdout.mockRestore();
    }
  });
});
