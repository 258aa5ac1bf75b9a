#!/usr/bin/env node
import { createRequire as __sesGuardCreateRequire } from "node:module";
const require = __sesGuardCreateRequire(import.meta.url);
import{a as I}from"./chunks/chunk-3DQWZO2F.js";import{G as S,M as b,N as R,O as $,P as N,Q as k,a as f,b as w,c as a,d as y,j as v,u as p,v as E,x as m}from"./chunks/chunk-MG7JIM2R.js";import"./chunks/chunk-FIHLY65X.js";import{parseArgs as T}from"node:util";var A=["text","junit"],O=["text","json"];var g=["check","validate","snapshot","test","init","schema","rules"],x={policy:{type:"string",multiple:!0},input:{type:"string",multiple:!0},region:{type:"string",multiple:!0},"all-regions":{type:"boolean"},"account-id":{type:"string"},profile:{type:"string"},"endpoint-url":{type:"string"},format:{type:"string",multiple:!0},"fail-on":{type:"string"},timeout:{type:"string"},out:{type:"string"},force:{type:"boolean"},color:{type:"boolean"},"no-color":{type:"boolean"},help:{type:"boolean",short:"h"},version:{type:"boolean",short:"v"}},P={check:["policy","input","region","all-regions","account-id","profile","endpoint-url","format","fail-on","timeout","color","no-color"],validate:["policy","color","no-color"],snapshot:["region","all-regions","profile","endpoint-url","timeout","out"],test:["format","color","no-color"],init:["force"],schema:[],rules:["policy","format"]},_={test:A,rules:O},h=["error","warning","notice","none"],M=/^[a-z]{2}(-[a-z]+)+-\d+$/,j=/^\d{12}$/;function L(o){let r;try{r=T({args:[...o],options:x,allowPositionals:!0,strict:!0})}catch(d){throw B(d)}let{values:e,positionals:t}=r;if(e.help)return{kind:"help"};if(e.version)return{kind:"version"};let[i,...l]=t,s="check";if(i!==void 0){if(!g.includes(i))throw a("cli/unknown-command",`unknown command "${i}"${m(i,g)}; commands are ${g.join(", ")} (see --help)`);s=i}if(l.length>0&&s!=="test")throw a("cli/unexpected-argument",`unexpected argument "${l[0]}"; options start with --`);for(let d of Object.keys(e))if(!(d==="help"||d==="version")&&!P[s].includes(d))throw a("cli/option-not-for-command",`--${d} does not apply to \`ses-guard ${s}\` (see --help)`);for(let d of["policy","input"])if(e[d]?.includes(""))throw a("cli/missing-value",`--${d} needs a value (see --help)`);if((e.input??[]).filter(d=>d==="-").length>1)throw a("cli/stdin-twice","--input - reads standard input, which can be read only once");let n=U(e.region??[],e["all-regions"]??!1),c={policies:e.policy??[],inputs:e.input??[],regions:n,formats:D(e.format??[],_[s]),failOn:G(e["fail-on"]),timeoutSeconds:W(e.timeout)};if(e["account-id"]!==void 0){if(!j.test(e["account-id"]))throw a("cli/invalid-account-id",`--account-id "${e["account-id"]}" is not a 12-digit AWS account id`);c.accountId=e["account-id"]}if(e.profile!==void 0&&(c.profile=e.profile),e["endpoint-url"]!==void 0&&(c.endpointUrl=q(e["endpoint-url"])),s==="snapshot"&&!e.out)throw a("cli/missing-out","snapshot needs --out FILE: where to write the snapshot");let u={kind:"run",command:s,options:c};return e.out!==void 0&&(u.out=e.out),e.color&&(u.color=!0),e["no-color"]&&(u.color=!1),s==="test"&&(u.paths=l),e.force&&(u.force=!0),u}function U(o,r){let e=o.flatMap(t=>t.split(",")).map(t=>t.trim()).filter(Boolean);if(r&&e.length>0)throw a("cli/regions-conflict","use either --region or --all-regions, not both");if(r)return"all";if(o.length>0&&e.length===0)throw a("cli/invalid-region","--region needs a region name, e.g. us-east-1");for(let t of e)if(!M.test(t))throw a("cli/invalid-region",`"${t}" is not an AWS region name (e.g. us-east-1, eu-west-2)`);return[...new Set(e)]}function D(o,r=E){let e=(o.length>0?o:["text"]).map(i=>{let l=i.indexOf("="),s=l===-1?i:i.slice(0,l),n=l===-1?void 0:i.slice(l+1);if(!r.includes(s))throw a("cli/unknown-format",`unknown format "${s}"${m(s,r)}; formats are ${r.join(", ")}`);if(n==="")throw a("cli/invalid-format",`--format ${s}= needs a file name after =`);return n===void 0?{name:s}:{name:s,file:n}}),t=e.filter(i=>!i.file);if(t.length>1)throw a("cli/formats-conflict",`only one format can go to standard output (got ${t.map(i=>i.name).join(", ")}); write the others to files with --format NAME=FILE`);return t.length===0&&e.push({name:"text"}),e}function G(o){if(o===void 0)return"error";if(h.includes(o))return o;throw a("cli/invalid-fail-on",`--fail-on "${o}" is not valid${m(o,h)}; use one of ${h.join(", ")}`)}function W(o){if(o===void 0)return R;let r=Number(o);if(!Number.isFinite(r)||r<=0||r>3600)throw a("cli/invalid-timeout",`--timeout "${o}" must be a number of seconds between 0 and 3600`);return r}function q(o){try{let r=new URL(o);if(r.protocol==="http:"||r.protocol==="https:")return o}catch{}throw a("cli/invalid-endpoint",`--endpoint-url "${o}" is not an http(s) URL`)}function B(o){let r=o.code,e=/'(-{1,2}[^']*)'/.exec(o.message)?.[1];if(r==="ERR_PARSE_ARGS_UNKNOWN_OPTION"&&e){let t=Object.keys(x).map(i=>`--${i}`);return a("cli/unknown-option",`unknown option ${e}${m(e,t)} (see --help)`)}if(r==="ERR_PARSE_ARGS_INVALID_OPTION_VALUE"&&e){let t=e.split(" ")[0]??e;return a("cli/missing-value",`${t} needs a value (see --help)`)}return a("cli/invalid-arguments",o.message)}var C=`ses-guard: policy-as-code checks for Amazon SES v2 accounts

Usage:
  ses-guard check    [--policy FILE|PACK]... [--input FILE|-]... [--region R[,R...] | --all-regions]
                     [--account-id ID] [--profile NAME] [--endpoint-url URL] [--format NAME[=FILE]]...
                     [--fail-on error|warning|notice|none] [--timeout SECONDS]
  ses-guard snapshot [--region R[,R...] | --all-regions] [--profile NAME] [--endpoint-url URL] --out FILE
  ses-guard validate [--policy FILE|PACK]...
  ses-guard test     [PATH...] [--format text|junit[=FILE]]...
  ses-guard rules    [--policy FILE|PACK]... [--format text|json[=FILE]]
  ses-guard init     [--force]
  ses-guard schema
  ses-guard --help | --version

Commands:
  check      Evaluate the policy on the live account (GetAccount per region) or on saved data (default)
  snapshot   Save every region's raw GetAccount response to a file, to check offline later
  validate   Load and type-check policies without reading any account
  test       Run policy tests: *.test.yaml files under PATHs (default: this directory, skipping
             node_modules and dot-directories); each case gives account data and expected results
  rules      List the rules a policy resolves to: severity, enabled, source file:line, waivers
  init       Write a starter .ses-guard.yaml, .ses-guard.test.yaml and a GitHub workflow
             (refuses to overwrite existing files without --force)
  schema     Print the policy JSON Schema, for editors and other tools

Options:
  --policy FILE|PACK     Policy file or built-in pack (recommended, strict); repeatable.
                         Default: .ses-guard.yaml in this directory, else recommended
  --input FILE|-         Saved data: the output of \`aws sesv2 get-account\`, or a snapshot; - is stdin
  --region R[,R...]      Regions to read (live), or the region of a get-account --input
  --all-regions          Every region where SES v2 is offered
  --account-id ID        Account id of a get-account --input; for live reads, used when STS
                         cannot tell (STS GetCallerIdentity is asked first)
  --profile NAME         AWS profile for live reads (default credential chain otherwise)
  --endpoint-url URL     Another SES v2 endpoint (also AWS_ENDPOINT_URL_SESV2)
  --format NAME[=FILE]   text (default), json, sarif, junit, markdown, github; =FILE writes to a file
  --fail-on LEVEL        Lowest severity that fails the run: error (default), warning, notice, none
  --timeout SECONDS      Deadline per AWS request (default 10). A Region's read ends within its
                         attempts (AWS_MAX_ATTEMPTS, default 3) and their backoff, and the whole
                         live read within twice that plus 1 s (84 s with the defaults)
  --out FILE             Where snapshot writes
  --force                init: overwrite existing files
  --color, --no-color    Force colour on or off (default: on a terminal, unless NO_COLOR is set)

Exit codes:
  0  no failing rule at or above --fail-on
  1  failing rules
  2  invalid invocation or policy (nothing was checked)
  3  some target could not be read (its rules are reported as errors)
  test: 0 every expectation holds, 1 some expectation does not, 2 an invalid test file, policy or
  account file, or an expectation on a rule the policy does not have
`;async function F(o){let r=new AbortController,e=t=>{r.abort(new Error(`interrupted by ${t}`)),S(),process.stderr.write(`ses-guard: interrupted by ${t}; nothing was written
`),process.exit(t==="SIGINT"?130:143)};process.once("SIGINT",e),process.once("SIGTERM",e);try{let t=L(o);if(t.kind==="help")return process.stdout.write(C),f.ok;if(t.kind==="version")return process.stdout.write(`${b}
`),f.ok;let i=t.color??K(process.env,process.stdout.isTTY===!0),l={cwd:process.cwd(),env:process.env,now:()=>new Date,readStdin:V,color:i,signal:r.signal,...process.stderr.isTTY?{onProgress:H()}:{}},s={cwd:l.cwd,now:l.now,color:i,unicode:process.stdout.isTTY===!0&&process.env.TERM!=="dumb",stdout:n=>process.stdout.write(n),stderr:n=>process.stderr.write(n)};switch(t.command){case"test":{let{runTestCommand:n}=await import("./chunks/test-W66IQDQC.js");return await n(t.paths??[],t.options.formats,s)}case"init":{let{runInitCommand:n}=await import("./chunks/init-V3GJUNDQ.js");return n(t.force===!0,s)}case"schema":{let{runSchemaCommand:n}=await import("./chunks/schema-ZWGXUYRS.js");return n(s)}case"rules":{let{runRulesCommand:n}=await import("./chunks/rules-UR2VYC5P.js");return await n(t.options.policies,t.options.formats,s)}case"validate":{let n=await $(t.options.policies,l.cwd),c=n.rules.filter(u=>u.enabled).length;return process.stdout.write(`${n.files.map(p).join(", ")}: valid, ${c} ${c===1?"rule":"rules"} enabled (${n.rules.length} in all), ${n.waivers.length} ${n.waivers.length===1?"waiver":"waivers"}
`),f.ok}case"snapshot":{let n=await k(t.options,t.out??"",l),c=n.targets.filter(u=>u.status==="error");for(let u of c)process.stderr.write(`ses-guard: ${p(u.region)}: ${p(u.error?.message??"could not be read")}
`);return process.stderr.write(`ses-guard: wrote ${p(n.file)} with ${n.targets.length} ${n.targets.length===1?"target":"targets"}${c.length?` (${c.length} could not be read)`:""}
`),n.exitCode}case"check":{let n=await N(t.options,l);for(let c of n.outputs)c.file||process.stdout.write(c.text);for(let c of n.writeErrors)process.stderr.write(`ses-guard: ${p(c)}
`);return n.writeErrors.length>0?f.usage:n.exitCode}}}catch(t){if(t instanceof w){for(let i of t.diagnostics)process.stderr.write(`ses-guard: ${p(y(i))}
`);return t.diagnostics.length>1&&process.stderr.write(`ses-guard: ${t.diagnostics.length} problems found
`),t.exitCode}return process.stderr.write(`ses-guard: internal error: ${t?.stack??String(t)}
`),process.stderr.write(`ses-guard: this is a bug in ses-guard; please report it with the command you ran
`),f.usage}finally{process.removeListener("SIGINT",e),process.removeListener("SIGTERM",e)}}function K(o,r){let e=o.FORCE_COLOR;return e!==void 0?e!=="0"&&e!=="false":o.NO_COLOR!==void 0&&o.NO_COLOR!==""?!1:r&&o.TERM!=="dumb"}async function V(){let o=[],r=0;for await(let e of process.stdin)if(o.push(e),r+=e.length,r>v)break;return Buffer.concat(o).toString("utf8")}function H(){return(o,r)=>{r<2||process.stderr.write(o<r?`\rreading ${r} regions: ${o} done`:"\r\x1B[K")}}await I(await F(process.argv.slice(2)));
//# sourceMappingURL=cli.js.map
