export const apiNames = ["asa", "secureframe", "scaikey"] as const;
export type ApiName = (typeof apiNames)[number];
