/** The formats `ses-guard fix` prints; kept apart so parsing the command line loads nothing else. */
export const fixFormatNames = ["text", "json", "markdown"] as const;
