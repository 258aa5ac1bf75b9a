/**
 * The smallest program that does what ses-guard's live path does with the AWS SDK: one SES v2
 * GetAccount and one STS GetCallerIdentity with the default credential chain. The benchmark
 * bundles it with the options of scripts/build.mjs; its SDK bytes are the floor ours are held to.
 */
import { GetAccountCommand, SESv2Client } from "@aws-sdk/client-sesv2";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";

/** Reads one Region's account and the caller's account id. */
export async function readAccount(region: string): Promise<[unknown, string | undefined]> {
  const ses = new SESv2Client({ region });
  const sts = new STSClient({ region });
  const [account, identity] = await Promise.all([
    ses.send(new GetAccountCommand({})),
    sts.send(new GetCallerIdentityCommand({})),
  ]);
  return [account, identity.Account];
}
