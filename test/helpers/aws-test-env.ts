/**
 * The environment every test that can create an AWS client runs with: fake credentials, instance
 * metadata off, every endpoint on loopback, and config files in a temporary folder, so that no SDK
 * client (SES, STS, credential providers) ever reaches outside this machine and nothing of the
 * host's own AWS setup leaks in.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A recognisable fake access key id. */
export const FAKE_ACCESS_KEY_ID = "AKIASESGUARDFAKEKEY1";
/** A recognisable fake secret: tests assert it never shows up in any message. */
export const FAKE_SECRET_ACCESS_KEY = "sesGuardFakeSecret+DoNotPrint/0123456789abcdefXYZ";
/** A recognisable fake session token, also never to be printed. */
export const FAKE_SESSION_TOKEN = "sesGuardFakeSessionToken+DoNotPrint/FwoGZXIvYXdzEJr";

/** Options for {@link createAwsTestEnv}. */
export interface AwsTestEnvOptions {
  /** Where AWS_ENDPOINT_URL points (a loopback URL); every client not given another endpoint goes there. */
  endpointUrl: string;
  /** Contents of the temporary ~/.aws/config (empty by default). */
  config?: string;
  /** Contents of the temporary ~/.aws/credentials (empty by default). */
  credentials?: string;
  /** Leave the fake credentials out of the environment (to test the credential chain). */
  withoutCredentials?: boolean;
  /** Extra variables; `undefined` removes one. */
  extra?: Record<string, string | undefined>;
}

/** A test environment and the temporary folder behind it. */
export interface AwsTestEnv {
  env: Record<string, string>;
  dir: string;
  /** Removes the temporary folder. */
  cleanup(): Promise<void>;
}

/** Builds the environment: the host's variables minus every AWS_* one, plus the safe test settings. */
export async function createAwsTestEnv(options: AwsTestEnvOptions): Promise<AwsTestEnv> {
  assertLoopback(options.endpointUrl);
  const dir = await mkdtemp(join(tmpdir(), "ses-guard-aws-"));
  const configFile = join(dir, "config");
  const credentialsFile = join(dir, "credentials");
  await writeFile(configFile, options.config ?? "");
  await writeFile(credentialsFile, options.credentials ?? "");

  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) {
    // Drop the host's AWS settings (profiles, roles, container credentials, regions) entirely.
    if (value !== undefined && !key.toUpperCase().startsWith("AWS_")) env[key] = value;
  }
  Object.assign(env, {
    HOME: dir,
    USERPROFILE: dir,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: credentialsFile,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_ENDPOINT_URL: options.endpointUrl,
  });
  if (!options.withoutCredentials) {
    env.AWS_ACCESS_KEY_ID = FAKE_ACCESS_KEY_ID;
    env.AWS_SECRET_ACCESS_KEY = FAKE_SECRET_ACCESS_KEY;
    env.AWS_SESSION_TOKEN = FAKE_SESSION_TOKEN;
  }
  for (const [key, value] of Object.entries(options.extra ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith("AWS_ENDPOINT_URL")) assertLoopback(value);
  }
  return { env, dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Makes `process.env` match a test environment for AWS_* variables and HOME: the SDK's own
 * providers (credentials, endpoints) read `process.env`, not the env handed to readAwsTargets.
 * Returns a function that restores the previous values.
 */
export function useProcessEnv(env: Record<string, string>): () => void {
  const saved = { ...process.env };
  for (const key of Object.keys(process.env)) {
    if (key.toUpperCase().startsWith("AWS_")) delete process.env[key];
  }
  for (const [key, value] of Object.entries(env)) {
    if (key.toUpperCase().startsWith("AWS_") || key === "HOME" || key === "USERPROFILE")
      process.env[key] = value;
  }
  return () => {
    for (const key of Object.keys(process.env)) delete process.env[key];
    Object.assign(process.env, saved);
  };
}

/** Refuses any endpoint that is not on loopback, so a typo can never send traffic to AWS. */
export function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  const ok =
    host === "localhost" ||
    host === "[::1]" ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    // RFC 2606: `.invalid` never resolves, so it produces a DNS failure without any traffic.
    host.endsWith(".invalid");
  if (!ok) throw new Error(`test endpoint must be on loopback, got ${url}`);
}
