/**
 * A snapshot file as `ses-guard snapshot` writes it, with one readable target, one that could not
 * be read and one skipped opt-in region: the input of the exit-3 tests and golden reports.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { accountsDir } from "../helpers/cli.js";
import { snapshotJson } from "../helpers/snapshot.js";

/** The snapshot's text. */
export function snapshotWithUnreadableTarget(): string {
  const account = JSON.parse(readFileSync(join(accountsDir, "production-healthy.json"), "utf8")) as unknown;
  return snapshotJson(
    [
      { region: "us-east-1", accountId: "123456789012", status: "ok", account },
      {
        region: "eu-west-1",
        accountId: "123456789012",
        status: "error",
        error: {
          code: "aws/access-denied",
          message: "AccessDeniedException: User is not authorized to perform ses:GetAccount",
          hint: "Allow ses:GetAccount on the role that runs ses-guard",
        },
      },
      {
        region: "ap-east-1",
        accountId: "123456789012",
        status: "skipped",
        notice: "opt-in region not enabled",
      },
    ],
    { createdAt: "2026-04-30T08:00:00.000Z", pretty: true },
  );
}
