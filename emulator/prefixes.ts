// Where each API sits on the emulator's one port.
export const asaPrefix = "/asa";
export const secureframePrefix = "/secureframe";
export const scaikeyPrefix = "/scaikey";
export const controlPrefix = "/_emulator";
