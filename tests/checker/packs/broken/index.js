"use strict";
// Fails while loading, before it serves: the checker must say the pack failed to load.
throw new Error("this pack is broken on purpose");
