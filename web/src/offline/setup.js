// Runs before the page (see main.js): the app reaches the bundled library, and the trainer and
// lesson workers start from Blob URLs as classic scripts (file:// pages cannot start module workers).
import OfflineWorker from "./worker.js?worker&inline";
import OfflineMeasureWorker from "./measure-worker.js?worker&inline";
import {offlineLibrary} from "./library.js";
import {setLibraryLoader} from "../lib-loader.js";
import {setWorkerFactory} from "../worker/client.js";
import {setMeasureWorkerFactory} from "../lessons/measure-client.js";

setLibraryLoader(async () => offlineLibrary);
setWorkerFactory(() => new OfflineWorker());
setMeasureWorkerFactory(() => new OfflineMeasureWorker());
