/**
 * The `--format` names of the authoring commands. Kept apart from the formatters, so parsing the
 * command line does not load them.
 */

/** The formats `ses-guard test --format` takes. */
export const testFormatNames: readonly string[] = ["text", "junit"];

/** The formats `ses-guard rules --format` takes. */
export const rulesFormatNames: readonly string[] = ["text", "json"];
