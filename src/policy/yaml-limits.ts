/**
 * Size limits for YAML input, in a module of their own: the policy host checks file sizes on the
 * start-up path of every check, which must not load the YAML parser just to read a constant.
 */

/** Limits that keep hostile YAML from exhausting memory or time. */
export const yamlLimits = {
  /** Bytes in one policy or test file. */
  maxBytes: 1024 * 1024,
  /** Nodes after expanding aliases: far beyond any real policy, far below an alias bomb. */
  maxNodes: 20_000,
  /** Nesting depth of maps and lists. */
  maxDepth: 64,
};
