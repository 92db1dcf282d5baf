// The trainer worker of the offline file: the library bundled in (the page posts it the
// compiled wasm module with "init", as the hosted page does).
import * as library from "../../../build/lib/activation-playground.mjs";
import {setLibraryLoader} from "../lib-loader.js";
import "../worker/trainer-worker.js";

setLibraryLoader(async () => library);
