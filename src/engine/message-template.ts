/** Rule message templates: `{path} is {actual}; must include {expected}`. */

/** The placeholders a template may use. */
export const templateVariables = [
  "path",
  "actual",
  "expected",
  "region",
  "accountId",
  "ruleId",
  "title",
] as const;

/** A template placeholder name. */
export type TemplateVariable = (typeof templateVariables)[number];

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Placeholders in a template that ses-guard does not know (caught when the policy loads). */
export function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1] ?? "")
    .filter((name) => !(templateVariables as readonly string[]).includes(name));
}

/** Fills a template; unknown placeholders are left as written. */
export function renderTemplate(template: string, values: Record<TemplateVariable, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? values[name as TemplateVariable] : whole,
  );
}
