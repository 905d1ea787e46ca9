// Shapes the provider model speaks in.

/** Engine-marshalled property values: plain JSON plus the secret and unknown sentinels. */
export type PropertyMap = Record<string, unknown>;

/** A problem with one argument of a function call; the SDK throws `Invoke of '<token>' failed: <reason> (<property>)`. */
export interface InvokeFailure {
  readonly property: string;
  readonly reason: string;
}

/** What a modelled function computes: its outputs (any of them may be `UNKNOWN`), or why the provider refuses the call. */
export type FunctionResult = { readonly outputs: PropertyMap } | { readonly failures: readonly InvokeFailure[] };
