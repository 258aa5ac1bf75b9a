var U=Object.create;var c=Object.defineProperty;var Y=Object.getOwnPropertyDescriptor;var W=Object.getOwnPropertyNames;var B=Object.getPrototypeOf,G=Object.prototype.hasOwnProperty;var i=(e,t)=>()=>{try{return t||e((t={exports:{}}).exports,t),t.exports}catch(a){throw t=0,a}},_=(e,t)=>{for(var a in t)c(e,a,{get:t[a],enumerable:!0})},w=(e,t,a,l)=>{if(t&&typeof t=="object"||typeof t=="function")for(let n of W(t))!G.call(e,n)&&n!==a&&c(e,n,{get:()=>t[n],enumerable:!(l=Y(t,n))||l.enumerable});return e};var r=(e,t,a)=>(a=e!=null?U(B(e)):{},w(t||!e||!e.__esModule?c(a,"default",{value:e,enumerable:!0}):a,e)),F=e=>w(c({},"__esModule",{value:!0}),e);var v=i((le,y)=>{y.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-ORLPIA5J.js"]??require("./chunk-ORLPIA5J.js")});var x=i((ce,b)=>{b.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-LXFIHJ3J.js"]??require("./chunk-LXFIHJ3J.js")});var A=i((de,S)=>{S.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-7VSDIWZC.js"]??require("./chunk-7VSDIWZC.js")});var T=i((he,k)=>{k.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-MSWKUS5W.js"]??require("./chunk-MSWKUS5W.js")});var I=i((pe,$)=>{$.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-AUA3XXNZ.js"]??require("./chunk-AUA3XXNZ.js")});var E=i((me,D)=>{D.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-WTBZGW6Y.js"]??require("./chunk-WTBZGW6Y.js")});var C=i((ge,M)=>{M.exports=globalThis[Symbol.for("ses-guard.start-up-chunks")]?.["chunks/chunk-F2OXKJLV.js"]??require("./chunk-F2OXKJLV.js")});var re={};_(re,{runInitCommand:()=>ie});module.exports=F(re);var q=r(v(),1),O=r(x(),1),j=r(A(),1),N=r(T(),1),fe=r(I(),1),u=r(E(),1),we=r(C(),1),R=require("node:fs"),d=require("node:path"),o=".ses-guard.yaml",f=".ses-guard.test.yaml",J=".github/workflows/ses-guard.yml",Z="ses-guard/ses-guard@v0",g="ses-guard.sarif",z="./node_modules/ses-guard/policies/policy.schema.json";function V(e){let t=new Date(`${e}T00:00:00Z`);return t.setUTCDate(t.getUTCDate()+90),t.toISOString().slice(0,10)}function h(e){return e.split(`
`).map(t=>`# ${t}`.trimEnd()).join(`
`)}function K(){return`rules:
  - id: transactional-mail-type
    title: The account is registered for transactional mail
    severity: warning
    regions: [us-*, eu-*]
    check:
      path: Details.MailType
      equals: TRANSACTIONAL
    message: "{path} is {actual}; this repository sends {expected} mail only"
    remediation: aws sesv2 put-account-details --mail-type TRANSACTIONAL --website-url https://www.example.com
    docs: https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutAccountDetails.html`}function X(){return`overrides:
  vdm-enabled: { severity: notice }`}function Q(e){return`waivers:
  - rule: vdm-enabled
    regions: [ap-south-1]
    reason: Virtual Deliverability Manager rollout in Mumbai is scheduled for next quarter
    expires: ${V(e.today)}`}function ee(e){return`# yaml-language-server: $schema=${z}
# The line above gives editors with YAML support (VS Code's YAML extension, JetBrains IDEs, any
# editor using yaml-language-server) completion and checking for this file. The path is relative
# to this file and points at the schema of the ses-guard version this repository installs
# (npm install --save-dev ses-guard), so it follows upgrades. Without node_modules, save a copy
# with \`npx ses-guard schema > policy.schema.json\` and point the line at it.
#
# ses-guard policy for this repository's Amazon SES v2 accounts.
#   npx ses-guard validate                 check this file
#   npx ses-guard rules                    the rules it resolves to, with waivers
#   npx ses-guard test                     run the cases in ${f}
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
${h(K())}
#
# Overrides change an inherited rule: its severity, or \`enabled: false\` to turn it off.
${h(X())}
#
# A waiver accepts a failing rule for a while (optionally only in some regions or accounts). It
# needs a reason and an end date; after that date the rule fails again, so exceptions get reviewed.
${h(Q(e))}
`}function te(e){let t=new Date(`${e}T00:00:00Z`);return t.setUTCDate(t.getUTCDate()+1),t.toISOString().slice(0,10)}function se(e){let t=V(e.today);return`  - name: the waiver covers VDM in ap-south-1 until it expires
    region: ap-south-1
    today: ${e.today}
    account: { VdmAttributes: { VdmEnabled: DISABLED } }
    expect:
      vdm-enabled: { status: waived, severity: notice }

  - name: after its end date the waiver no longer applies
    region: ap-south-1
    today: ${te(t)}
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
`}function ae(e){return`# Tests for ${o}: each case gives one account's GetAccount data (as
# \`aws sesv2 get-account\` prints it) and the result each named rule must have: pass, fail,
# waived or skipped. Run them with \`npx ses-guard test\`: exit 0 when every expectation holds,
# 1 when one does not, 2 when this file or the policy is invalid.
# \`accountFile: fixtures/prod.json\` (relative to this file) reads the data from a file instead;
# \`today: YYYY-MM-DD\` fixes the date waivers are judged on.
version: 1
policy: ./${o}
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

  # Cases for the commented examples in ${o}: uncomment them with the examples.
${h(se(e).trimEnd())}
`}function ne(e){return`# ses-guard: check this repository's Amazon SES v2 accounts against ${o}.
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
        uses: ${Z}
        with:
          policy: ${o}
          regions: us-east-1,eu-west-1
          sarif-file: ${g}

      # Upload even when the check failed: failing rules are what code scanning should show.
      # The hashFiles guard skips the upload when no report was written (e.g. an invalid policy),
      # so the log shows the real error rather than a missing file.
      - name: Upload to code scanning
        if: always() && hashFiles('${g}') != ''
        uses: github/codeql-action/upload-sarif@v4
        with:
          sarif_file: ${g}
          category: ses-guard
`}function oe(e){return[{path:o,text:ee(e)},{path:f,text:ae(e)},{path:J,text:ne(e)}]}function ie(e,t){let a=oe({today:t.now().toISOString().slice(0,10),version:O.a}),l=new Map(a.map(s=>[s,L((0,d.resolve)(t.cwd,s.path))])),n=a.filter(s=>l.get(s)!=="none"),p=a.filter(s=>l.get(s)==="directory");if(p.length>0)throw(0,u.c)("init/exists",`${p.map(s=>s.path).join(", ")} ${p.length===1?"is a directory":"are directories"}; nothing was written`);let m=q.a.find(s=>s!==o&&L((0,d.resolve)(t.cwd,s))!=="none");if(m!==void 0)throw(0,u.c)("init/exists",`${m} is already the policy here, and ${o} beside it would be a second default policy; nothing was written (rename or remove ${m} first)`);if(n.length>0&&!e)throw(0,u.c)("init/exists",`${n.map(s=>s.path).join(", ")} already ${n.length===1?"exists":"exist"}; nothing was written (use --force to overwrite)`);for(let s of a){try{(0,j.a)((0,d.resolve)(t.cwd,s.path),s.text)}catch(P){throw(0,u.c)("init/write-failed",`cannot write ${s.path}: ${(0,N.a)(P)}`)}let H=n.includes(s)?" (overwritten)":"";t.stdout(`wrote ${s.path}${H}
`)}return t.stdout(`
Next: npx ses-guard test (runs ${f}), then set the IAM role and regions in the workflow.
`),u.a.ok}function L(e){try{return(0,R.lstatSync)(e).isDirectory()?"directory":"file"}catch{return"none"}}0&&(module.exports={runInitCommand});
//# sourceMappingURL=init-ZCGZR33F.js.map
