// The lesson worker of the offline file: the library bundled in, as in the trainer worker.
import * as library from "../../../build/lib/activation-playground.mjs";
import {setLibraryLoader} from "../lib-loader.js";
import "../lessons/measure-worker.js";

setLibraryLoader(async () => library);
