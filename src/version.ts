/** The ses-guard version, reported by `--version` and in every report (kept equal to package.json by a test). */
export const toolVersion = "0.1.0";
