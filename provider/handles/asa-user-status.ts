import { providerHandle } from "./provider-handle";

export = providerHandle("asa:UserStatus");
