// Shapes the provider model speaks in.

/** Engine-marshalled property values: plain JSON plus the secret and unknown sentinels. */
export type PropertyMap = Record<string, unknown>;
