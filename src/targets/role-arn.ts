/**
 * Turns `--role` (a bare role name or an ARN with an optional `{accountId}` placeholder) into the
 * ARN of the role to assume in one account. Pure.
 */

/** The placeholder an ARN given to `--role` may contain. */
export const ACCOUNT_ID_PLACEHOLDER = "{accountId}";

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/([\w+=,.@/-]{1,512})$/;
/** IAM role names (and paths) use these characters; anything else is a typo or an ARN of another kind. */
const ROLE_NAME = /^[\w+=,.@/-]{1,512}$/;

/** A resolved role, or why the role cannot be used for this account. */
export type RoleResolution = { ok: true; arn: string } | { ok: false; message: string };

/** Resolves `role` for `accountId`: a bare name becomes `arn:aws:iam::{id}:role/NAME`. */
export function resolveRoleArn(role: string, accountId: string): RoleResolution {
  const trimmed = role.trim();
  if (!trimmed.startsWith("arn:")) {
    if (!ROLE_NAME.test(trimmed) || trimmed.startsWith("/") || trimmed.endsWith("/")) {
      return {
        ok: false,
        message: `role "${role}" is neither a role name (letters, digits and +=,.@_- ; a path with /) nor a role ARN`,
      };
    }
    return { ok: true, arn: `arn:aws:iam::${accountId}:role/${trimmed}` };
  }
  const arn = trimmed.split(ACCOUNT_ID_PLACEHOLDER).join(accountId);
  const match = ROLE_ARN.exec(arn);
  if (!match) {
    return {
      ok: false,
      message: `role "${role}" is not an IAM role ARN (arn:aws:iam::ACCOUNT:role/NAME, where ACCOUNT may be {accountId})`,
    };
  }
  // A role in another account would be read under this account's name: a mislabelled report.
  if (match[2] !== accountId) {
    return {
      ok: false,
      message: `role ${arn} is in account ${match[2]}, not in account ${accountId}; use {accountId} in the ARN or the account's own role`,
    };
  }
  return { ok: true, arn };
}
