/**
 * The STS half of the fleet fake: AssumeRole and GetCallerIdentity in the query protocol (form
 * body in, XML out), as the real @aws-sdk/client-sts speaks it. Each assumed role gets an access
 * key that encodes its account id (`ASIA<12 digits>FAKE`), so the SES fake and GetCallerIdentity
 * can tell accounts apart by the key alone.
 */

/** The account of the caller's (non-role) credentials, and its principal. */
export const CALLER_ACCOUNT = "999999999999";
export const CALLER_ARN = `arn:aws:iam::${CALLER_ACCOUNT}:user/auditor`;

/** What the fake STS does; tests change these between runs. */
export interface StsScript {
  /** Role ARNs whose AssumeRole is refused with AccessDenied. */
  deniedRoles: Set<string>;
  /** Role ARN → how many AssumeRole calls to throttle before answering. */
  throttle: Map<string, number>;
  /** How long issued credentials last, in seconds. */
  lifetimeSeconds: number;
  /** Every AssumeRole call: the form parameters. */
  assumeRoleCalls: URLSearchParams[];
  /** The access key id each AssumeRole call was signed with (the caller's credentials). */
  assumeRoleKeys: (string | undefined)[];
}

/** A fresh script: nothing denied, nothing throttled, one-hour credentials. */
export function createStsScript(): StsScript {
  return {
    deniedRoles: new Set(),
    throttle: new Map(),
    lifetimeSeconds: 3600,
    assumeRoleCalls: [],
    assumeRoleKeys: [],
  };
}

/** The access key id handed out for a role in `accountId`. */
export function accessKeyFor(accountId: string): string {
  return `ASIA${accountId}FAKE`;
}

/** The account an access key id belongs to: a role's account, or the caller's. */
export function accountOfKey(accessKeyId: string | undefined): string {
  const match = /^ASIA(\d{12})FAKE$/.exec(accessKeyId ?? "");
  return match?.[1] ?? CALLER_ACCOUNT;
}

/** One HTTP answer. */
export interface FakeResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const NS = "https://sts.amazonaws.com/doc/2011-06-15/";
const XML = { "content-type": "text/xml" };

function stsError(status: number, code: string, message: string): FakeResponse {
  return {
    status,
    headers: XML,
    body: `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>fake-sts</RequestId></ErrorResponse>`,
  };
}

/** Answers one STS request (its form body) signed with `accessKeyId`. */
export function answerSts(script: StsScript, body: string, accessKeyId: string | undefined): FakeResponse {
  const params = new URLSearchParams(body);
  const action = params.get("Action");
  if (action === "GetCallerIdentity") {
    const account = accountOfKey(accessKeyId);
    const arn =
      account === CALLER_ACCOUNT ? CALLER_ARN : `arn:aws:sts::${account}:assumed-role/audit/ses-guard`;
    return {
      status: 200,
      headers: XML,
      body: `<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>${arn}</Arn><UserId>AIDAFAKE</UserId><Account>${account}</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>fake-sts</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
    };
  }
  if (action !== "AssumeRole") return stsError(400, "InvalidAction", `fake STS: no action ${action}`);
  script.assumeRoleCalls.push(params);
  script.assumeRoleKeys.push(accessKeyId);
  const roleArn = params.get("RoleArn") ?? "";
  const throttled = script.throttle.get(roleArn) ?? 0;
  if (throttled > 0) {
    script.throttle.set(roleArn, throttled - 1);
    return stsError(400, "Throttling", "Rate exceeded");
  }
  if (script.deniedRoles.has(roleArn)) {
    return stsError(
      403,
      "AccessDenied",
      `User: ${CALLER_ARN} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}`,
    );
  }
  const account = /^arn:aws:iam::(\d{12}):role\//.exec(roleArn)?.[1];
  if (!account) return stsError(400, "ValidationError", `fake STS: bad RoleArn ${roleArn}`);
  const expiration = new Date(Date.now() + script.lifetimeSeconds * 1000).toISOString();
  const session = params.get("RoleSessionName") ?? "";
  return {
    status: 200,
    headers: XML,
    body:
      `<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials>` +
      `<AccessKeyId>${accessKeyFor(account)}</AccessKeyId><SecretAccessKey>fakeRoleSecret${account}</SecretAccessKey>` +
      `<SessionToken>fakeRoleToken${account}</SessionToken><Expiration>${expiration}</Expiration></Credentials>` +
      `<AssumedRoleUser><AssumedRoleId>AROAFAKE:${session}</AssumedRoleId><Arn>arn:aws:sts::${account}:assumed-role/audit/${session}</Arn></AssumedRoleUser>` +
      `</AssumeRoleResult><ResponseMetadata><RequestId>fake-sts</RequestId></ResponseMetadata></AssumeRoleResponse>`,
  };
}
