var O=Object.create;var c=Object.defineProperty;var j=Object.getOwnPropertyDescriptor;var q=Object.getOwnPropertyNames;var N=Object.getPrototypeOf,R=Object.prototype.hasOwnProperty;var u=(e,t)=>()=>{try{return t||e((t={exports:{}}).exports,t),t.exports}catch(s){throw t=0,s}},V=(e,t)=>{for(var s in t)c(e,s,{get:t[s],enumerable:!0})},f=(e,t,s,o)=>{if(t&&typeof t=="object"||typeof t=="function")for(let n of q(t))!R.call(e,n)&&n!==s&&c(e,n,{get:()=>t[n],enumerable:!(o=j(t,n))||o.enumerable});return e};var l=(e,t,s)=>(s=e!=null?O(N(e)):{},f(t||!e||!e.__esModule?c(s,"default",{value:e,enumerable:!0}):s,e)),H=e=>f(c({},"__esModule",{value:!0}),e);var y=u((te,w)=>{w.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-LXFIHJ3J.js"]??require("./chunk-LXFIHJ3J.js")});var b=u((se,v)=>{v.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-YU2LAIZS.js"]??require("./chunk-YU2LAIZS.js")});var A=u((ae,x)=>{x.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-AUA3XXNZ.js"]??require("./chunk-AUA3XXNZ.js")});var k=u((ne,S)=>{S.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-WTBZGW6Y.js"]??require("./chunk-WTBZGW6Y.js")});var $=u((oe,T)=>{T.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-F2OXKJLV.js"]??require("./chunk-F2OXKJLV.js")});var Q={};V(Q,{runInitCommand:()=>K});module.exports=H(Q);var E=l(y(),1),p=l(b(),1),ie=l(A(),1),i=l(k(),1),re=l($(),1),D=require("node:fs"),d=require("node:path"),r=".ses-guard.yaml",g=".ses-guard.test.yaml",Y=".github/workflows/ses-guard.yml",U="ses-guard/ses-guard@v0",m="ses-guard.sarif",B="./node_modules/ses-guard/policies/policy.schema.json";function G(e){return[{path:r,text:Z(e)},{path:g,text:J(e)},{path:Y,text:X(e)}]}function M(e){let t=new Date(`${e}T00:00:00Z`);return t.setUTCDate(t.getUTCDate()+90),t.toISOString().slice(0,10)}function P(e){let t=new Date(`${e}T00:00:00Z`);return t.setUTCDate(t.getUTCDate()+1),t.toISOString().slice(0,10)}function F(){return`rules:
  - id: transactional-mail-type
    title: The account is registered for transactional mail
    severity: warning
    regions: [us-*, eu-*]
    check:
      path: Details.MailType
      equals: TRANSACTIONAL
    message: "{path} is {actual}; this repository sends {expected} mail only"
    remediation: aws sesv2 put-account-details --mail-type TRANSACTIONAL --website-url https://www.example.com
    docs: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutAccountDetails.html`}function W(){return`overrides:
  vdm-enabled: { severity: notice }`}function _(e){return`waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: Virtual Deliverability Manager rollout in Mumbai is scheduled for next quarter
    expires: ${M(e.today)}`}function h(e){return e.split(`
`).map(t=>`# ${t}`.trimEnd()).join(`
`)}function Z(e){return`# yaml-language-server: $schema=${B}
# The line above gives editors with YAML support (VS Code's YAML extension, JetBrains IDEs, any
# editor using yaml-language-server) completion and checking for this file. The path is relative
# to this file and points at the schema of the ses-guard version this repository installs
# (npm install --save-dev ses-guard), so it follows upgrades. Without node_modules, save a copy
# with \`npx ses-guard schema > policy.schema.json\` and point the line at it.
#
# ses-guard policy for this repository's Amazon SES v2 accounts.
#   npx ses-guard validate                 check this file
#   npx ses-guard rules                    the rules it resolves to, with waivers
#   npx ses-guard test                     run the cases in ${g}
#   npx ses-guard check --region us-east-1 check the live account (read-only: ses:GetAccount)
version: 1

# The built-in pack: sending enabled, production access, enforcement status HEALTHY, bounces and
# complaints suppressed, quota headroom, Virtual Deliverability Manager. \`strict\` adds the VDM
# dashboard, optimized shared delivery and dedicated IP warm-up.
extends: [recommended]

# Examples: remove the leading "# " of an example's lines to use it.
#
# A custom rule: \`path\` as \`aws sesv2 get-account\` spells it, and one operator (equals, in,
# containsAll, lessThan, matches, exists, ...), or all/any/not to combine checks. severity is
# error (the default, fails the run), warning or notice; regions limits it to some regions.
${h(F())}
#
# Overrides change an inherited rule: its severity, or \`enabled: false\` to turn it off.
${h(W())}
#
# A waiver accepts a failing rule for a while (optionally only in some regions or accounts). It
# needs a reason and an end date; after that date the rule fails again, so exceptions get reviewed.
${h(_(e))}
`}function z(e){let t=M(e.today);return`  - name: the waiver covers VDM in ap-south-1 until it expires
    region: ap-south-1
    today: ${e.today}
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: { status: waived, severity: notice }

  - name: after its end date the waiver no longer applies
    region: ap-south-1
    today: ${P(t)}
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: fail

  - name: marketing mail breaks the custom rule, with its own message
    region: eu-west-1
    account: { Details: { MailType: MARKETING } }
    expect:
      transactional-mail-type: { status: fail, messageIncludes: "sends TRANSACTIONAL mail only" }

  - name: the custom rule does not apply outside its regions
    region: ap-south-1
    account: { Details: { MailType: MARKETING } }
    expect:
      transactional-mail-type: skipped
`}function J(e){return`# Tests for ${r}: each case gives one account's GetAccount data (as
# \`aws sesv2 get-account\` prints it) and the result each named rule must have: pass, fail,
# waived or skipped. Run them with \`npx ses-guard test\`: exit 0 when every expectation holds,
# 1 when one does not, 2 when this file or the policy is invalid.
# \`accountFile: fixtures/prod.json\` (relative to this file) reads the data from a file instead;
# \`today: YYYY-MM-DD\` fixes the date waivers are judged on.
version: 1
policy: ./${r}
cases:
  - name: a healthy production account passes every rule
    region: us-east-1
    account:
      SendingEnabled: true
      ProductionAccessEnabled: true
      EnforcementStatus: HEALTHY
      SendQuota: { Max24HourSend: 50000, MaxSendRate: 14, SentLast24Hours: 1200 }
      SuppressionAttributes: { SuppressedReasons: [BOUNCE, COMPLAINT] }
      VdmAttributes: { VdmEnabled: ENABLED }
    expect:
      sending-enabled: pass
      production-access: pass
      enforcement-healthy: pass
      suppression-bounce-complaint: pass
      quota-headroom: pass
      vdm-enabled: pass

  - name: a sandbox account that suppresses only bounces fails
    region: us-east-1
    account:
      SendingEnabled: true
      ProductionAccessEnabled: false
      EnforcementStatus: HEALTHY
      SendQuota: { Max24HourSend: 200, MaxSendRate: 1, SentLast24Hours: 190 }
      SuppressionAttributes: { SuppressedReasons: [BOUNCE] }
    expect:
      sending-enabled: pass
      production-access: fail
      suppression-bounce-complaint: { status: fail, messageIncludes: "missing COMPLAINT" }
      quota-headroom: fail # 95% of the daily quota is used
      vdm-enabled: fail # not set: data that is not there never passes

  - name: an account with no data fails closed
    account: {}
    expect:
      sending-enabled: fail
      enforcement-healthy: fail
      quota-headroom: fail

  # Cases for the commented examples in ${r}: uncomment them with the examples.
${h(z(e).trimEnd())}
`}function X(e){return`# ses-guard: check this repository's Amazon SES v2 accounts against ${r}.
# Before the first run: create an IAM role that GitHub Actions can assume through OIDC, allowed
# ses:GetAccount (STS GetCallerIdentity, which labels results with the account id, needs no
# permission), then set role-to-assume and the regions below.
name: ses-guard

on:
  pull_request:
  push:
    branches: [main]
  schedule:
    - cron: "17 6 * * 1-5" # account settings can change without a commit
  workflow_dispatch:

permissions:
  contents: read # check out the policy
  id-token: write # OIDC: trade the job's token for short-lived AWS credentials, no stored keys
  security-events: write # upload the SARIF report to code scanning

jobs:
  ses-guard:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v6

      # The policy's own tests need no AWS access; a policy that fails them is not deployed.
      - name: Test the policy
        run: npx --yes ses-guard@${e.version} test

      - name: AWS credentials (OIDC)
        uses: aws-actions/configure-aws-credentials@v6
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ses-guard-read-only
          aws-region: us-east-1

      - name: Check the SES accounts
        uses: ${U}
        with:
          policy: ${r}
          regions: us-east-1,eu-west-1
          sarif-file: ${m}

      # Upload even when the check failed: failing rules are what code scanning should show.
      # The hashFiles guard skips the upload when no report was written (e.g. an invalid policy),
      # so the log shows the real error rather than a missing file.
      - name: Upload to code scanning
        if: always() && hashFiles('${m}') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ${m}
          category: ses-guard
`}function K(e,t){let s=G({today:t.now().toISOString().slice(0,10),version:E.a}),o=s.filter(a=>I((0,d.resolve)(t.cwd,a.path))!=="none"),n=s.filter(a=>I((0,d.resolve)(t.cwd,a.path))==="directory");if(n.length>0)throw(0,i.c)("init/exists",`${n.map(a=>a.path).join(", ")} ${n.length===1?"is a directory":"are directories"}; nothing was written`);if(o.length>0&&!e)throw(0,i.c)("init/exists",`${o.map(a=>a.path).join(", ")} already ${o.length===1?"exists":"exist"}; nothing was written (use --force to overwrite)`);for(let a of s){try{(0,p.a)((0,d.resolve)(t.cwd,a.path),a.text)}catch(L){throw(0,i.c)("init/write-failed",`cannot write ${a.path}: ${(0,p.c)(L)}`)}let C=o.includes(a)?" (overwritten)":"";t.stdout(`wrote ${a.path}${C}
`)}return t.stdout(`
Next: npx ses-guard test (runs ${g}), then set the IAM role and regions in the workflow.
`),i.a.ok}function I(e){try{return(0,D.lstatSync)(e).isDirectory()?"directory":"file"}catch{return"none"}}0&&(module.exports={runInitCommand});
//# sourceMappingURL=init-E5CELDSJ.js.map
