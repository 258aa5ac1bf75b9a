import type { FieldShape } from "../../account/shape.js";

/**
 * What every operator provides. The engine handles wrong types, and absent values for every
 * operator but `exists`, before calling `test`: so `test` sees a present value of the field's
 * type, or, for `exists` only, `undefined` when the value is absent.
 */
export interface OperatorDefinition {
  /** The field types the operator can apply to; checked when the policy loads. */
  fieldTypes: readonly FieldShape["type"][];
  /** A problem with the expected value for this field (wrong type, unknown enum value), or undefined. */
  validateExpected(expected: unknown, field: FieldShape): string | undefined;
  /** Whether the value satisfies the check. */
  test(actual: unknown, expected: unknown): boolean;
  /** The requirement in words: "must equal true", or "must not equal true" when negated. */
  requirement(expected: unknown, negated: boolean): string;
  /** Names the difference on failure, e.g. "missing COMPLAINT". */
  difference?(actual: unknown, expected: unknown, negated: boolean): string | undefined;
}
