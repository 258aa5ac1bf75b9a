/**
 * Everything the run can know in advance that grants access to AWS and so must never be printed:
 * the keys and token in the environment, the web identity token in its file, the static keys and
 * `credential_process` command lines in the shared config and credentials files, and the user
 * name and password of an endpoint URL. The list feeds the redaction in aws-errors.ts, which
 * catches the same material in its usual forms when it was not known in advance.
 */

import { statSync } from "node:fs";
import { readBoundedText } from "../io/bounded-read.js";
import { sharedConfigPaths } from "./shared-config-paths.js";

/** Web identity tokens are a few KiB; config files a few dozen. More is not read. */
const MAX_TOKEN_BYTES = 64 * 1024;
const MAX_CONFIG_BYTES = 1024 * 1024;

/** Keys of the shared files whose values are secret, or run commands whose line may hold one. */
const SECRET_FILE_KEY = /^\s*(aws_secret_access_key|aws_session_token|credential_process)\s*=\s*(.*?)\s*$/i;

/**
 * The credential material of this environment, each value as it is written. `endpointUrl` is the
 * --endpoint-url in force, if any; AWS_ENDPOINT_URL* come from `env`. Files that cannot be read
 * add nothing: the credential chain reports them in its own words.
 */
export function credentialMaterial(env: Record<string, string | undefined>, endpointUrl?: string): string[] {
  const found = new Set<string>();
  const add = (value: string | undefined) => {
    const trimmed = value?.trim();
    if (trimmed) found.add(trimmed);
  };
  add(env.AWS_SECRET_ACCESS_KEY);
  add(env.AWS_SESSION_TOKEN);
  if (env.AWS_WEB_IDENTITY_TOKEN_FILE) add(readText(env.AWS_WEB_IDENTITY_TOKEN_FILE, MAX_TOKEN_BYTES));
  // The files the credential chain reads, `~/` spellings included.
  const { configFilepath, filepath } = sharedConfigPaths(env);
  for (const file of [configFilepath, filepath]) {
    for (const value of secretFileValues(readText(file, MAX_CONFIG_BYTES) ?? "")) add(value);
  }
  const urls = Object.entries(env)
    .filter(([key]) => key.toUpperCase().startsWith("AWS_ENDPOINT_URL"))
    .map(([, value]) => value);
  for (const url of [...urls, endpointUrl]) for (const part of urlCredentials(url)) add(part);
  return [...found];
}

/** The values of secret keys and `credential_process` lines of an INI-style AWS file. */
export function secretFileValues(text: string): string[] {
  const values: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const value = SECRET_FILE_KEY.exec(line)?.[2];
    if (value) values.push(value);
  }
  return values;
}

/** The user name and password of a URL (as written and decoded), or nothing. */
export function urlCredentials(url: string | undefined): string[] {
  if (!url) return [];
  const userinfo = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)@/i.exec(url.trim())?.[1];
  if (!userinfo) return [];
  const parts = [userinfo, ...userinfo.split(":")];
  return [...new Set(parts.flatMap((part) => [part, safeDecode(part)]))].filter((part) => part !== "");
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function readText(path: string, maxBytes: number): string | undefined {
  // Only a regular file: opening a named pipe would block this thread until a writer came.
  try {
    if (!statSync(path).isFile()) return undefined;
  } catch {
    return undefined;
  }
  const read = readBoundedText(path, maxBytes);
  return "text" in read ? read.text : undefined;
}
