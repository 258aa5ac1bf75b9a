/** Shared pieces of the `fix` CLI tests: accounts, the loopback environment, the plan schema. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { afterEach, beforeEach } from "vitest";
import type { FixDocument } from "../../src/fix/fix-document.js";
import { repoRoot, runCli } from "../helpers/cli.js";
import { type SesStateServer, startSesStateServer } from "../helpers/ses-state-server.js";

/** A secret the tests assert never shows up in any output. */
export const SECRET = "sesGuardFixCliSecret/DoNotPrint0123456789";

/** The validation settings that adding a suppression reason must keep. */
export const VALIDATION = {
  ConditionThreshold: {
    ConditionThresholdEnabled: "ENABLED",
    OverallConfidenceThreshold: { ConfidenceVerdictThreshold: "HIGH" },
  },
};

/**
 * Healthy except what `strict` wants and a setting can give: COMPLAINT is not suppressed and
 * Guardian is off (the dashboard is on and must stay on).
 */
export const FIXABLE_ACCOUNT = {
  DedicatedIpAutoWarmupEnabled: true,
  EnforcementStatus: "HEALTHY",
  ProductionAccessEnabled: true,
  SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1200 },
  SendingEnabled: true,
  SuppressionAttributes: { SuppressedReasons: ["BOUNCE"], ValidationAttributes: VALIDATION },
  Details: {
    MailType: "TRANSACTIONAL",
    WebsiteURL: "https://example.com",
    ContactLanguage: "EN",
    UseCaseDescription: "Receipts",
    AdditionalContactEmailAddresses: ["ops@example.com"],
    ReviewDetails: { Status: "GRANTED", CaseId: "1234567890" },
  },
  VdmAttributes: { VdmEnabled: "ENABLED", DashboardAttributes: { EngagementMetrics: "ENABLED" } },
};

/** Every endpoint (SES and STS) on the state server. */
export function fixEnv(url: string): Record<string, string | undefined> {
  return { AWS_ENDPOINT_URL: url, AWS_SECRET_ACCESS_KEY: SECRET };
}

let compiled: ValidateFunction | undefined;

/** Schema errors of a fix document against policies/fix-plan.schema.json; empty when valid. */
export function planSchemaErrors(document: unknown): string[] {
  if (!compiled) {
    const schema = JSON.parse(readFileSync(join(repoRoot, "policies", "fix-plan.schema.json"), "utf8"));
    compiled = new Ajv({ allErrors: true }).compile(schema as object);
  }
  if (compiled(document)) return [];
  return (compiled.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`);
}

/** Parses a JSON fix document and holds it to the schema. */
export function parsePlan(stdout: string): FixDocument {
  const document = JSON.parse(stdout) as FixDocument;
  const errors = planSchemaErrors(document);
  if (errors.length > 0) throw new Error(`fix plan does not match its schema:\n${errors.join("\n")}`);
  return document;
}

/**
 * A fresh stateful SES v2 server for each test, holding FIXABLE_ACCOUNT in us-east-1 and
 * eu-west-1; `fix` runs `ses-guard fix --policy strict` on both Regions against it, and `writes`
 * are the Put* requests it received.
 */
export function useFixServer() {
  let server: SesStateServer | undefined;
  beforeEach(async () => {
    server = await startSesStateServer({ "us-east-1": FIXABLE_ACCOUNT, "eu-west-1": FIXABLE_ACCOUNT });
  });
  afterEach(async () => {
    await server?.close();
  });
  const current = (): SesStateServer => {
    if (!server) throw new Error("the fix server starts in beforeEach; use it inside a test");
    return server;
  };
  return {
    get server() {
      return current();
    },
    fix: (args: string[]) =>
      runCli(["fix", "--policy", "strict", "--region", "us-east-1,eu-west-1", ...args], {
        env: fixEnv(current().url),
      }),
    writes: () => current().requests.filter((r) => r.operation.startsWith("Put")),
  };
}
