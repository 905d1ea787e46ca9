// The offline provider model: one answer for what the `aws` provider does, used by the checker's SDK
// mocks and by the model provider plugin the real engine runs (`engine/provider/`).
export { checkInputs, createdOutputs } from "./resources";
export { invokeResult } from "./functions";
export type { PropertyMap } from "./types";
