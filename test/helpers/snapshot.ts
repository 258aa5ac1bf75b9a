/**
 * Snapshot files as `ses-guard snapshot` writes them: the wrapper (kind, version, tool, createdAt)
 * around a list of targets. The kind is spelled out rather than imported, so a change to the file
 * format shows up as a failing test instead of following along silently.
 */

/** How a test's snapshot differs from the usual one. */
export interface SnapshotOptions {
  /** The snapshot's time; any fixed time does unless a report shows it. */
  createdAt?: string;
  /** Members to add or replace (a wrong version, targets that are not a list, ...). */
  extra?: Record<string, unknown>;
}

/** How the JSON text is laid out. */
export interface SnapshotJsonOptions extends SnapshotOptions {
  /** Indented by two spaces with a final newline, as `ses-guard snapshot` writes a file; compact otherwise. */
  pretty?: boolean;
}

/** The snapshot document around `targets`, as plain data. */
export function snapshotDocument(
  targets: unknown,
  { createdAt = "2026-01-01T00:00:00.000Z", extra = {} }: SnapshotOptions = {},
): Record<string, unknown> {
  return {
    kind: "ses-guard/snapshot",
    version: 1,
    tool: { name: "ses-guard", version: "0.1.0" },
    createdAt,
    targets,
    ...extra,
  };
}

/** The snapshot file's text around `targets`. */
export function snapshotJson(
  targets: unknown,
  { pretty = false, ...options }: SnapshotJsonOptions = {},
): string {
  const document = snapshotDocument(targets, options);
  return pretty ? `${JSON.stringify(document, null, 2)}\n` : JSON.stringify(document);
}
