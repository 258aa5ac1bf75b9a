import type { BuildOptions } from "esbuild";

/** Shared esbuild options: a split, minified ESM bundle for Node 20 with linked source maps. */
export declare const bundleOptions: BuildOptions & { metafile: true };
