var s=Object.defineProperty;var n=Object.getOwnPropertyDescriptor;var i=Object.getOwnPropertyNames;var c=Object.prototype.hasOwnProperty;var l=(t,e)=>{for(var a in e)s(t,a,{get:e[a],enumerable:!0})},u=(t,e,a,r)=>{if(e&&typeof e=="object"||typeof e=="function")for(let o of i(e))!c.call(t,o)&&o!==a&&s(t,o,{get:()=>e[o],enumerable:!(r=n(e,o))||r.enumerable});return t};var d=t=>u(s({},"__esModule",{value:!0}),t);var f={};l(f,{a:()=>h});module.exports=d(f);var h=`ses-guard: policy-as-code checks for Amazon SES v2 accounts

Usage:
  ses-guard check    [--policy FILE|PACK]... [--input FILE|-]... [--region R[,R...] | --all-regions]
                     [--account-id ID] [--profile NAME] [--endpoint-url URL] [--format NAME[=FILE]]...
                     [--fail-on error|warning|notice|none] [--timeout SECONDS] [account source]
                     [--quiet] [--shard K/N]
  ses-guard snapshot [--region R[,R...] | --all-regions] [--profile NAME] [--endpoint-url URL] [account source] [--reputation] --out FILE|-
                     [--shard K/N]
  ses-guard merge    REPORT.json... [--expect N] [--fail-on LEVEL] [--format NAME[=FILE]]... [--quiet]
  ses-guard validate [--policy FILE|PACK]...
  ses-guard accounts [account source] [--format text|json[=FILE]]
  ses-guard test     [PATH...] [--format text|junit[=FILE]]...
  ses-guard rules    [--policy FILE|PACK]... [--format text|json[=FILE]]
  ses-guard fix      [--policy FILE|PACK]... [--input FILE|-]... [--region R[,R...] | --all-regions]
                     [--profile NAME] [--endpoint-url URL] [account source] [--apply [--yes]]
                     [--format text|json|markdown[=FILE]]
  ses-guard init     [--force]
  ses-guard schema
  ses-guard --help | --version

Commands:
  check      Evaluate the policy on the live account (GetAccount per region) or on saved data (default)
  snapshot   Save every region's raw GetAccount response to a file, to check offline later
  merge      Combine JSON reports (the shards of a run, or one job per account) into one report in
             any format, with the exit code recomputed; refuses reports of different policies or
             --fail-on and a target twice (exit 2); a missing shard or report exits 3
  validate   Load and type-check policies without reading any account
  test       Run policy tests: *.test.yaml files under PATHs (default: this directory, skipping
             node_modules and dot-directories); each case gives account data and expected results
  rules      List the rules a policy resolves to: severity, enabled, source file:line, waivers
  fix        Plan the SES v2 calls that make failed rules pass (nothing is changed); --apply makes
             them, then reads the targets again and re-evaluates (docs/fixing.md)
  init       Write a starter .ses-guard.yaml, .ses-guard.test.yaml and a GitHub workflow
             (refuses to overwrite existing files without --force)
  schema     Print the policy JSON Schema, for editors and other tools
  accounts   List the accounts a run would read (id, name, state, role, tags) without reading
             SES; --format json writes an accounts file

Options:
  --policy FILE|PACK     Policy file or built-in pack (recommended, strict); repeatable.
                         Default: .ses-guard.yaml (or .yml) in this directory, else recommended
  --input FILE|-         Saved data: the output of \`aws sesv2 get-account\`, or a snapshot; - is stdin
  --region R[,R...]      Regions to read (live), or the region of a get-account --input
  --all-regions          Every region where SES v2 is offered
  --account-id ID        Account id of a get-account --input; for live reads, used when STS
                         cannot tell (STS GetCallerIdentity is asked first)
  --profile NAME[,NAME]  AWS profile for live reads (default credential chain otherwise); two or
                         more (A,B or repeated): read each profile's account, one account each
  --endpoint-url URL     Another SES v2 endpoint (also AWS_ENDPOINT_URL_SESV2)
  --format NAME[=FILE]   text (default), json, sarif, junit, markdown, github; =FILE writes to a file
  --fail-on LEVEL        Lowest severity that fails the run: error (default), warning, notice, none
  --timeout SECONDS      Deadline per AWS request, 0.1 to 3600 (default 10). A Region's read ends
                         within its attempts (AWS_MAX_ATTEMPTS, default 3) and their backoff, and
                         the whole live read within twice that plus 1 s (84 s with the defaults)
  --out FILE|-           Where snapshot writes; - is standard output
  --reputation           snapshot: also store each target's CloudWatch bounce and complaint rates
                         (needs cloudwatch:GetMetricData; check reads them when a rule uses them)
  --quiet, -q            Text report: only failed, errored and waived results, and the verdict
  --shard K/N            Only the accounts of shard K of N (1 \u2264 K \u2264 N \u2264 256); an account's shard
                         depends on its id alone, so the N jobs of a matrix agree
  --expect N             merge: N reports must arrive; fewer is an error in the report (exit 3)
  --force                init: overwrite existing files
  --apply                fix: make the planned calls (asks first on a terminal)
  --yes                  fix --apply: do not ask; required when standard input is not a terminal
  --color, --no-color    Force colour on or off (default: on a terminal, unless NO_COLOR is set)

Account sources (check, snapshot, fix, accounts; at most one):
  --accounts ID[,ID...]  Accounts to read by assuming --role in each (repeatable)
  --accounts-file FILE   YAML or JSON: accounts: [{id, name, role, externalId, regions, tags}]
  --organization         Every account of the AWS Organization (ListAccounts); only ACTIVE
                         accounts are read, the others are reported as skipped
  --ou OU[,OU...]        With --organization: only the accounts under these OUs, recursively
  --role NAME|ARN        Role to assume in each account: a name (arn:aws:iam::{id}:role/NAME) or
                         an ARN that may hold {accountId}. A single --profile then names the
                         credentials that assume it
  --external-id ID       sts:ExternalId to pass to AssumeRole
  --role-session-name N  AssumeRole session name (default ses-guard)
  --exclude-accounts ID[,ID...]
                         Accounts to leave out
  --concurrency N        GetAccount requests in flight over the whole run (1-256, default 32)
  Account failures are per account: a role that cannot be assumed makes each of its Regions an
  error (code AssumeRoleFailed) while the other accounts are read; the run then exits 3

Exit codes:
  0  no failing rule at or above --fail-on
  1  failing rules
  2  invalid invocation or policy (nothing was checked)
  3  some target could not be read (its rules are reported as errors)
  test: 0 every expectation holds, 1 some expectation does not, 2 an invalid test file, policy or
        account file, or an expectation on a rule the policy does not have
`;0&&(module.exports={a});
//# sourceMappingURL=chunk-WYRH6ZLI.js.map
