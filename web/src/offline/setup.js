// Runs before the page (see main.js): the app reaches the bundled library, and the trainer
// worker starts from a Blob URL as a classic script (file:// pages cannot start module workers).
import OfflineWorker from "./worker.js?worker&inline";
import {offlineLibrary} from "./library.js";
import {setLibraryLoader} from "../lib-loader.js";
import {setWorkerFactory} from "../worker/client.js";

setLibraryLoader(async () => offlineLibrary);
setWorkerFactory(() => new OfflineWorker());
