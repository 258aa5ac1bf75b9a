/**
 * A credential source that waits for ever: an AWS config profile whose credential_process prompts
 * for an MFA code no one will type, as a CI job would see it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The profile to select, the config file that defines it, and a way to end its process. */
export interface HangingCredentialProcess {
  /** The profile name (AWS_PROFILE or --profile). */
  profile: string;
  /** The AWS config file (AWS_CONFIG_FILE). */
  config: string;
  /**
   * Ends the credential process, which outlives ses-guard. Throws when it never started, which
   * would mean ses-guard did not wait on it at all.
   */
  stop(): void;
}

/** Writes the script and config into `dir` (which the caller cleans up). */
export function hangingCredentialProcess(dir: string): HangingCredentialProcess {
  const prompt = join(dir, "wait-for-mfa.sh");
  const pidFile = join(dir, "mfa.pid");
  writeFileSync(prompt, `#!/bin/sh\necho $$ > ${pidFile}\nexec sleep 600\n`, { mode: 0o755 });
  const config = join(dir, "config");
  writeFileSync(config, `[profile mfa]\ncredential_process = ${prompt}\n`);
  return {
    profile: "mfa",
    config,
    stop() {
      if (!existsSync(pidFile)) throw new Error(`the credential process ${prompt} never started`);
      process.kill(Number(readFileSync(pidFile, "utf8")), "SIGTERM");
    },
  };
}
