import type { OperatorName } from "../../types.js";
import {
  greaterThanOperator,
  greaterThanOrEqualOperator,
  lessThanOperator,
  lessThanOrEqualOperator,
} from "./compare.js";
import { containsOperator } from "./contains.js";
import { containsAllOperator, containsAnyOperator, containsNoneOperator } from "./contains-set.js";
import { equalsOperator, notEqualsOperator } from "./equals.js";
import { existsOperator } from "./exists.js";
import { inOperator, notInOperator } from "./in.js";
import { matchesOperator } from "./matches.js";
import type { OperatorDefinition } from "./operator.js";

/** Every operator, registered by name. */
export const operators: Readonly<Record<OperatorName, OperatorDefinition>> = {
  equals: equalsOperator,
  notEquals: notEqualsOperator,
  in: inOperator,
  notIn: notInOperator,
  contains: containsOperator,
  containsAll: containsAllOperator,
  containsAny: containsAnyOperator,
  containsNone: containsNoneOperator,
  exists: existsOperator,
  greaterThan: greaterThanOperator,
  greaterThanOrEqual: greaterThanOrEqualOperator,
  lessThan: lessThanOperator,
  lessThanOrEqual: lessThanOrEqualOperator,
  matches: matchesOperator,
};

/** The operator names, in the order the docs list them. */
export const operatorNames = Object.keys(operators) as OperatorName[];

/** True when `name` is an operator. */
export function isOperatorName(name: string): name is OperatorName {
  return Object.hasOwn(operators, name);
}
