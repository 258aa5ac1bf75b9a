/**
 * The AWS SDK warns on every run under Node 20 that SDK releases after January 2027 will need
 * Node 22. ses-guard bundles one fixed SDK release and supports Node 20.16+ itself, so the notice
 * is about nothing the user can act on, and on a gate's standard error it reads like a fault.
 * A user who sets the variable themselves keeps their choice.
 */
export function quietSdkVersionNotice(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}
