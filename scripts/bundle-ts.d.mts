/** NODE_PATH for the bundle: the native drivers stay outside it and load from these folders. */
export declare const bundleNodePath: string;
/** Bundles `entry` (a path relative to the repository root, or absolute) into the CommonJS file `outfile`. */
export declare function bundleTs(entry: string, outfile: string): Promise<void>;
