import type { Check, LeafCheck } from "../types.js";
import { type EvaluationTarget, lookup } from "./facts.js";
import { formatLiteral, formatValue } from "./format-value.js";
import { operators } from "./operators/index.js";

/** Three-valued truth: absent or mistyped data is `unknown`, never `true`. */
export type Truth = "true" | "false" | "unknown";

/** The leaf that explains an outcome: its path, what was found and what was expected. */
export interface LeafOutcome {
  path: string;
  actual: unknown;
  expected: unknown;
  truth: Truth;
  message: string;
}

/** A check's outcome: its truth, and the leaves that explain it (failing ones when not true). */
export interface CheckOutcome {
  truth: Truth;
  /** Why the check is not true, one entry per failing or unknown leaf; empty when true. */
  reasons: LeafOutcome[];
  /** How the check was met, when true (the leaves that made it so). */
  evidence: LeafOutcome[];
  /** The explanation: why the check is not true, or what made it true. */
  message: string;
  /** Set when the message joins several parts: `and` (fix every one) or `or` (fixing one is enough). */
  compound?: "and" | "or";
}

/**
 * Evaluates a check against a target. `negated` is true under an odd number of `not`s: the truth
 * returned is already the negated one, and messages are phrased for it ("must not equal").
 */
export function evaluateCheck(check: Check, target: EvaluationTarget, negated = false): CheckOutcome {
  switch (check.kind) {
    case "leaf":
      return evaluateLeaf(check, target, negated);
    case "not":
      return evaluateCheck(check.check, target, !negated);
    case "all":
    case "any": {
      // Under negation, all/any swap roles (De Morgan): `not all` holds when any branch fails.
      const conjunction = (check.kind === "all") !== negated;
      const outcomes = check.checks.map((child) => evaluateCheck(child, target, negated));
      return conjunction ? conjoin(outcomes) : disjoin(outcomes);
    }
  }
}

function conjoin(outcomes: CheckOutcome[]): CheckOutcome {
  const truth = outcomes.some((o) => o.truth === "false")
    ? "false"
    : outcomes.some((o) => o.truth === "unknown")
      ? "unknown"
      : "true";
  const failing = outcomes.filter((o) => o.truth !== "true");
  // List definite failures before unknowns: they are what the reader must fix first.
  failing.sort((a, b) => rank(a.truth) - rank(b.truth));
  const explained = truth === "true" ? outcomes : failing;
  return joined(
    truth,
    failing.flatMap((o) => o.reasons),
    truth === "true" ? outcomes.flatMap((o) => o.evidence) : [],
    explained,
    "and",
  );
}

/**
 * An outcome whose message joins child messages, bracketing a child whose own parts combine the
 * other way. Built member by member rather than spread: object spread is slow on Node 20, and
 * compositions are evaluated for every target.
 */
function joined(
  truth: Truth,
  reasons: LeafOutcome[],
  evidence: LeafOutcome[],
  outcomes: CheckOutcome[],
  compound: "and" | "or",
): CheckOutcome {
  const only = outcomes.length === 1 ? outcomes[0] : undefined;
  if (only) return withCompound({ truth, reasons, evidence, message: only.message }, only.compound);
  const parts = outcomes.map((o) => (o.compound && o.compound !== compound ? `(${o.message})` : o.message));
  return withCompound({ truth, reasons, evidence, message: parts.join(` ${compound} `) }, compound);
}

function withCompound(outcome: CheckOutcome, compound: CheckOutcome["compound"]): CheckOutcome {
  if (compound) outcome.compound = compound;
  return outcome;
}

function disjoin(outcomes: CheckOutcome[]): CheckOutcome {
  const winner = outcomes.find((o) => o.truth === "true");
  if (winner) {
    const won = { truth: winner.truth, reasons: [], evidence: winner.evidence, message: winner.message };
    return withCompound(won, winner.compound);
  }
  const truth = outcomes.some((o) => o.truth === "unknown") ? "unknown" : "false";
  return joined(
    truth,
    outcomes.flatMap((o) => o.reasons),
    [],
    outcomes,
    "or",
  );
}

function rank(truth: Truth): number {
  return truth === "false" ? 0 : truth === "unknown" ? 1 : 2;
}

function flip(truth: Truth): Truth {
  return truth === "true" ? "false" : truth === "false" ? "true" : "unknown";
}

function evaluateLeaf(check: LeafCheck, target: EvaluationTarget, negated: boolean): CheckOutcome {
  const operator = operators[check.operator];
  const found = lookup(target, check.path);
  // The requirement is worded only for outcomes that are not true: a passing leaf never shows it.
  if (found.state === "wrongType") {
    return leaf(
      check,
      "unknown",
      found.value,
      `${check.path} is ${formatLiteral(found.value)} (${found.problem}); ${operator.requirement(check.expected, negated)}`,
    );
  }
  if (found.state === "unread") {
    return leaf(
      check,
      "unknown",
      undefined,
      `${check.path} is not known (${found.why}); ${operator.requirement(check.expected, negated)}`,
    );
  }
  const actual = found.state === "present" ? found.value : undefined;
  if (found.state === "absent" && check.operator !== "exists") {
    // Fail closed: a value the gate did not see cannot satisfy a rule, negated or not.
    return leaf(
      check,
      "unknown",
      undefined,
      `${check.path} is not set${found.why ? ` (${found.why})` : ""}; ${operator.requirement(check.expected, negated)}`,
    );
  }
  const raw: Truth = operator.test(actual, check.expected) ? "true" : "false";
  const truth = negated ? flip(raw) : raw;
  // `exists` on an absent value: say why it is absent where that is known ("no datapoint").
  const shown = found.state === "absent" && found.why ? `not set (${found.why})` : formatValue(actual);
  if (truth === "true") return leaf(check, truth, actual, `${check.path} is ${shown}`);
  const difference = operator.difference?.(actual, check.expected, negated);
  return leaf(
    check,
    truth,
    actual,
    `${check.path} is ${shown}; ${operator.requirement(check.expected, negated)}${difference ? ` (${difference})` : ""}`,
  );
}

function leaf(check: LeafCheck, truth: Truth, actual: unknown, message: string): CheckOutcome {
  const outcome: LeafOutcome = { path: check.path, actual, expected: check.expected, truth, message };
  return truth === "true"
    ? { truth, reasons: [], evidence: [outcome], message }
    : { truth, reasons: [outcome], evidence: [], message };
}

/** One sentence for a check outcome, ready for a result. */
export function describeOutcome(outcome: CheckOutcome): string {
  return outcome.truth !== "true" && outcome.compound === "or"
    ? `none of these holds: ${outcome.message}`
    : outcome.message;
}
