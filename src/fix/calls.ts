/**
 * Builds each SES v2 call from the account state the plan wants. Every call is read-modify-write:
 * PutAccountVdmAttributes replaces the whole VDM object and PutAccountSuppressionAttributes both
 * the reasons and the validation settings, so each request carries every member of its group as it
 * was read, changed only where the plan changes it.
 */
import { UNKNOWN_REGION } from "../engine/facts.js";
import { valueAt } from "./account-state.js";
import { cliNameOf, type FixOperation } from "./settable.js";

/** A request input, or the member it needs that the account data does not give. */
export type BuiltInput = { input: Record<string, unknown> } | { missing: string };

/** The complete request input of `operation` for the account state `state`. */
export function buildInput(operation: FixOperation, state: Record<string, unknown>): BuiltInput {
  switch (operation) {
    case "PutAccountSendingAttributes":
      return { input: { SendingEnabled: valueAt(state, "SendingEnabled") === true } };
    case "PutAccountDedicatedIpWarmupAttributes":
      return { input: { AutoWarmupEnabled: valueAt(state, "DedicatedIpAutoWarmupEnabled") === true } };
    case "PutAccountSuppressionAttributes": {
      // No reasons in GetAccount means none are suppressed: the empty list keeps it that way.
      const input: Record<string, unknown> = {
        SuppressedReasons: valueAt(state, "SuppressionAttributes.SuppressedReasons") ?? [],
      };
      const validation = valueAt(state, "SuppressionAttributes.ValidationAttributes");
      if (validation !== undefined) {
        const threshold = valueAt(validation, "ConditionThreshold");
        if (threshold !== undefined && valueAt(threshold, "ConditionThresholdEnabled") === undefined) {
          return {
            missing:
              "SuppressionAttributes.ValidationAttributes.ConditionThreshold.ConditionThresholdEnabled",
          };
        }
        input.ValidationAttributes = validation;
      }
      return { input };
    }
    case "PutAccountVdmAttributes": {
      const vdm = valueAt(state, "VdmAttributes");
      // VdmEnabled is required; guessing it would switch VDM on or off behind the user's back.
      if (valueAt(vdm, "VdmEnabled") === undefined) return { missing: "VdmAttributes.VdmEnabled" };
      return { input: { VdmAttributes: vdm } };
    }
    case "PutAccountDeliveryAttributes": {
      const mode = valueAt(state, "DeliveryAttributes.SharedPoolDeliveryMode");
      return mode === undefined
        ? { missing: "DeliveryAttributes.SharedPoolDeliveryMode" }
        : { input: { SharedPoolDeliveryMode: mode } };
    }
  }
}

/** The `aws sesv2` command that makes the same call, ready to paste into a POSIX shell. */
export function cliCommand(operation: FixOperation, input: Record<string, unknown>, region: string): string {
  const parts = ["aws", "sesv2", cliNameOf(operation)];
  if (region !== UNKNOWN_REGION) parts.push("--region", shellQuote(region));
  if (operation === "PutAccountSendingAttributes") {
    parts.push(input.SendingEnabled ? "--sending-enabled" : "--no-sending-enabled");
  } else if (operation === "PutAccountDedicatedIpWarmupAttributes") {
    parts.push(input.AutoWarmupEnabled ? "--auto-warmup-enabled" : "--no-auto-warmup-enabled");
  } else {
    parts.push("--cli-input-json", shellQuote(JSON.stringify(input)));
  }
  return parts.join(" ");
}

/** Quotes a word for a POSIX shell unless it is plainly safe. */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_./:=@-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
