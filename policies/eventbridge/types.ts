/** Type tokens of the EventBridge resources the EventBridge policies inspect. */
export const EVENT_TARGET = "aws:cloudwatch/eventTarget:EventTarget";
export const EVENT_BUS_POLICY = "aws:cloudwatch/eventBusPolicy:EventBusPolicy";
export const EVENT_PERMISSION = "aws:cloudwatch/eventPermission:EventPermission";
