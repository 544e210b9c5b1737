import { providerHandle } from "./provider-handle";

export = providerHandle("secureframe:UserAttributes");
