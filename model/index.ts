// The offline provider model: one answer for what the `aws` provider does, used by the checker's SDK
// mocks and by the model provider plugin the real engine runs (`engine/provider/`).
export { checkInputs, createdOutputs } from "./resources";
export { answerFunction, isModelledFunction, unknownOutputs, type FunctionAnswer, type FunctionCall } from "./functions";
export { PLACEHOLDER_ACCOUNT_ID } from "./functions/accountAndRegion";
export { containsUnknown, isRecord, isUnknown, UNKNOWN, type Unknown } from "./sentinels";
export type { FunctionResult, InvokeFailure, PropertyMap } from "./types";
