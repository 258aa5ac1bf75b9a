/** The Node 24 release the Action is tested with. */
export declare const NODE24_VERSION: string;

/** The install folder (`prefix`) and the `node` binary of the pinned release, under `root`. */
export declare function node24Install(root: string): { prefix: string; binary: string };
