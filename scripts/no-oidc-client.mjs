// @actions/core imports @actions/http-client (and through it undici, 415 KB of the Action's
// 483 KB) only for getIDToken(), which asks GitHub for an OIDC token. ses-guard never calls it:
// credentials come from aws-actions/configure-aws-credentials or the environment. The bundle
// therefore gets a stand-in whose classes fail loudly if anything ever tries to use them, so a
// future call cannot silently do nothing.
const STUB = `
const why = "ses-guard does not bundle @actions/http-client: @actions/core's getIDToken() is not available";
export class HttpClient { constructor() { throw new Error(why); } }
export class BearerCredentialHandler { constructor() { throw new Error(why); } }
`;

export const noOidcClient = {
  name: "no-oidc-client",
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^@actions\/http-client(\/lib\/auth(\.js)?)?$/ }, (args) => ({
      path: args.path,
      namespace: "no-oidc-client",
    }));
    pluginBuild.onLoad({ filter: /.*/, namespace: "no-oidc-client" }, () => ({
      contents: STUB,
      loader: "js",
    }));
  },
};
