import { providerHandle } from "../resource/provider-handle";

export = providerHandle("secureframe:UserStatus");
