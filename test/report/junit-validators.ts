/**
 * Validators for JUnit output: xmllint (libxml2, compiled to WebAssembly) against the Jenkins
 * JUnit XSD, and fast-xml-parser for well-formedness and for reading values back.
 */

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { validateXML } from "xmllint-wasm";

const XSD = readFileSync(join(import.meta.dirname, "..", "fixtures", "junit-10.xsd"), "utf8");

/** Schema errors of `xml` against the JUnit XSD; empty when valid. */
export async function junitSchemaErrors(xml: string): Promise<string[]> {
  const result = await validateXML({
    xml: [{ fileName: "report.xml", contents: xml }],
    schema: [{ fileName: "junit-10.xsd", contents: XSD }],
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}

/** True when fast-xml-parser finds `xml` well-formed; otherwise its error message. */
export function wellFormed(xml: string): true | string {
  const result = XMLValidator.validate(xml);
  return result === true ? true : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
}

/** Parses JUnit XML into plain objects; repeated elements are always arrays, attributes prefixed `@`. */
export function parseJunit(xml: string): JunitDocument {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    parseAttributeValue: false,
    parseTagValue: false,
    trimValues: false,
    // Decodes character references such as &#10; (attribute line breaks) as any XML parser must.
    htmlEntities: true,
    isArray: (name) => ["testsuite", "testcase", "property"].includes(name),
  });
  return parser.parse(xml) as JunitDocument;
}

/** The parsed shape of a JUnit document as ses-guard writes it. */
export interface JunitDocument {
  testsuites: {
    "@name": string;
    "@tests": string;
    "@failures": string;
    "@errors": string;
    testsuite: Array<{
      "@name": string;
      "@tests": string;
      "@failures": string;
      "@errors": string;
      "@skipped": string;
      properties: { property: Array<{ "@name": string; "@value": string }> };
      testcase: Array<{
        "@classname": string;
        "@name": string;
        failure?: { "@message": string; "@type": string; "#text": string };
        error?: { "@message": string; "@type": string; "#text": string };
        skipped?: { "@message": string };
      }>;
      "system-err"?: string;
      "system-out"?: string;
    }>;
  };
}
