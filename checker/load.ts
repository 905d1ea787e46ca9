// Loads a module by resolved path at run time: the pack's protocol stubs and the program's own SDK are
// only known once their directories are, so a static import cannot name them.
import { createRequire } from "module";

export const loadModule: (id: string) => unknown = createRequire(__filename);
