/**
 * The question on a terminal: `fix --apply` without `--yes` asks, applies only on yes, and changes
 * nothing on any other answer. Runs the command in-process with the real SDK against the state
 * server, with a scripted terminal; and the line reader itself on a stream.
 */
import { PassThrough } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFixCommand } from "../../src/cli/commands/fix.js";
import { confirmOnTerminal } from "../../src/cli/confirm.js";
import type { RunHost, RunOptions } from "../../src/run.js";
import { type AwsTestEnv, createAwsTestEnv, useProcessEnv } from "../helpers/aws-test-env.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";
import { FIXABLE_ACCOUNT } from "./fix-helpers.js";

let server: SesStateServer;
let testEnv: AwsTestEnv;
let restore: () => void;

beforeEach(async () => {
  server = await startSesStateServer({ "us-east-1": FIXABLE_ACCOUNT });
  testEnv = await createAwsTestEnv({ endpointUrl: server.url, extra: { AWS_MAX_ATTEMPTS: "1" } });
  restore = useProcessEnv(testEnv.env);
});

afterEach(async () => {
  restore();
  await testEnv.cleanup();
  await server.close();
});

const options: RunOptions = {
  policies: ["strict"],
  inputs: [],
  regions: ["us-east-1"],
  formats: [{ name: "json" }],
  failOn: "error",
  timeoutSeconds: 5,
};

function host(): RunHost {
  return {
    cwd: process.cwd(),
    env: testEnv.env,
    now: () => new Date("2026-12-04T00:00:00Z"),
    readStdin: async () => "",
    color: false,
  };
}

function terminal(answer: boolean) {
  const out: string[] = [];
  const questions: string[] = [];
  return {
    out,
    questions,
    io: {
      stdout: (text: string) => out.push(text),
      stderr: () => {},
      stdinIsTerminal: true,
      confirm: async (question: string) => {
        questions.push(question);
        return answer;
      },
      takeInterrupts: () => {},
    },
  };
}

describe("fix --apply on a terminal", () => {
  it("asks, and applies on yes", async () => {
    const { io, questions } = terminal(true);
    const code = await runFixCommand(options, { apply: true, yes: false }, host(), io);
    expect(questions).toEqual(["Make 2 SES v2 calls in 1 target? [y/N] "]);
    expect(code).toBe(0);
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toHaveLength(2);
  });

  it("changes nothing on no, and exits as check does", async () => {
    const { io, out } = terminal(false);
    const code = await runFixCommand(options, { apply: true, yes: false }, host(), io);
    expect(code).toBe(1);
    expect(server.requests.filter((r) => r.operation.startsWith("Put"))).toEqual([]);
    expect(JSON.parse(out.join("")).mode).toBe("plan");
  });

  it("does not ask when there is nothing to change", async () => {
    server.setAccount("us-east-1", {
      ...FIXABLE_ACCOUNT,
      SuppressionAttributes: { SuppressedReasons: ["BOUNCE", "COMPLAINT"] },
      VdmAttributes: {
        ...FIXABLE_ACCOUNT.VdmAttributes,
        GuardianAttributes: { OptimizedSharedDelivery: "ENABLED" },
      },
    });
    const { io, questions } = terminal(true);
    expect(await runFixCommand(options, { apply: true, yes: false }, host(), io)).toBe(0);
    expect(questions).toEqual([]);
  });
});

it("--yes without --apply is a usage error", async () => {
  const { io } = terminal(true);
  await expect(runFixCommand(options, { apply: false, yes: true }, host(), io)).rejects.toThrow(
    "--yes only confirms --apply",
  );
  expect(server.requests).toEqual([]);
});

describe("confirmOnTerminal", () => {
  it.each([
    ["y\n", true],
    ["YES\n", true],
    [" yes \n", true],
    ["n\n", false],
    ["\n", false],
    ["yess\n", false],
  ])("%j is %s", async (answer, expected) => {
    const input = new PassThrough();
    const written: string[] = [];
    const asked = confirmOnTerminal("Apply? ", input, (text) => written.push(text));
    input.write(answer);
    expect(await asked).toBe(expected);
    expect(written).toEqual(["Apply? "]);
  });

  it("takes the end of input as no", async () => {
    const input = new PassThrough();
    const asked = confirmOnTerminal("Apply? ", input, () => {});
    input.end();
    expect(await asked).toBe(false);
  });
});
