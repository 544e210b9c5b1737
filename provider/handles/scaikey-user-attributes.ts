import { providerHandle } from "./provider-handle";

export = providerHandle("scaikey:UserAttributes");
