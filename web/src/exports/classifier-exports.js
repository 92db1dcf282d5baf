// The classifier's downloads, each beside what it shows: the output plot as PNG (2×), the
// training history and the dataset as CSV, the model as JSON (and "Load model" to restore one),
// the network as PyTorch or Keras code. Reads the controller's model; never trains.
import {h} from "../ui/dom.js";
import {snapshot as boundarySnapshot} from "../views/boundary.js";
import {canvasPng, download} from "./download.js";
import {exportBar} from "./export-bar.js";
import {classCount, isRegression} from "../classifier/config.js";

const FILE_PREFIX = "activation-playground";
// Loaded on first use: Papa Parse, the code generators and the model file reader are not needed to show the page.
const tables = () => import("./tables.js");
const modelFile = () => import("./model-file.js");
const python = () => import("./python.js");
const csvImport = () => import("./csv-import.js");
let instances = 0;

/**
 * @param {{dom, model, t, notices, store, exportModel: () => Promise<string | null>,
 *   loadModel: (layers: object[]) => void, importPoints: (imported: {name, points} | null) => void}} context
 *   model.imported: the imported points in use, or null
 * @returns {() => void} removes the bars
 */
export function mountClassifierExports({dom, model, t, notices, store, exportModel, loadModel, importPoints}) {
  const notReady = () => new Error(t("exports.notReady"));
  const trainedModel = async () => {
    const text = await exportModel();
    if (!text) throw notReady();
    return text;
  };

  const boundary = exportBar({
    t,
    notices,
    testid: "export-boundary",
    items: [
      {
        text: t("exports.boundaryPng"),
        title: t("exports.boundaryPngTitle"),
        testid: "export-boundary-png",
        async run() {
          const image = boundarySnapshot(dom.boundary, 2);
          if (!image) throw notReady();
          download(await canvasPng(image), `${FILE_PREFIX}-boundary.png`);
        },
      },
    ],
  });

  const history = exportBar({
    t,
    notices,
    testid: "export-history",
    items: [
      {
        text: t("exports.historyCsv"),
        title: t("exports.historyCsvTitle"),
        testid: "export-history-csv",
        async run() {
          const snap = model.frame?.a;
          if (!snap?.history) throw notReady();
          const {historyCsv} = await tables();
          download(historyCsv(snap.history, model.gradHistory), `${FILE_PREFIX}-history.csv`, "text/csv");
        },
      },
    ],
  });

  // Import: a file picker and drag-and-drop on the data panel; nothing changes unless the file is good.
  const csvPicker = h("input", {type: "file", accept: ".csv,text/csv", hidden: true, "data-testid": "import-csv-file"});
  const importedText = h("span", {class: "import-status", "data-testid": "import-status"});
  const removeImported = h("button", {type: "button", class: "button button--quiet export-button", "data-testid": "import-remove", text: t("exports.removeImported")});
  const importedLine = h("p", {class: "import-line", hidden: true}, [importedText, removeImported]);
  const showImported = () => {
    importedLine.hidden = !model.imported;
    importedText.textContent = model.imported ? t("exports.imported", {name: model.imported.name, rows: model.imported.points.x.length}) : "";
  };
  removeImported.addEventListener("click", () => {
    importPoints(null);
    showImported();
  });
  async function importFile(file) {
    let reader = null;
    try {
      reader = await csvImport();
      const {CsvImportError, MAX_IMPORT_BYTES, parsePointsCsv} = reader;
      const state = store.get();
      if (isRegression(state)) throw new CsvImportError("regression");
      // A file over the limit is refused by its size, unread.
      const points = parsePointsCsv(file.size > MAX_IMPORT_BYTES ? "" : await file.text(), {bytes: file.size, classes: classCount(state)});
      importPoints({name: file.name, points});
      notices.dismiss?.("csv-import");
    } catch (error) {
      const message = reader && error instanceof reader.CsvImportError ? t(`exports.import.${error.key}`, error.values) : t("exports.import.failed", {message: error?.message ?? String(error)});
      notices.add("error", message, "csv-import");
    }
    showImported();
  }
  csvPicker.addEventListener("change", () => {
    const file = csvPicker.files?.[0];
    csvPicker.value = "";
    if (file) importFile(file);
  });
  const onDragOver = (event) => {
    if (![...(event.dataTransfer?.types ?? [])].includes("Files")) return;
    event.preventDefault();
    dom.dataPanel.classList.add("is-drop-target");
  };
  const onDragLeave = () => dom.dataPanel.classList.remove("is-drop-target");
  const onDrop = (event) => {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    onDragLeave();
    importFile(file);
  };
  dom.dataPanel.addEventListener("dragover", onDragOver);
  dom.dataPanel.addEventListener("dragleave", onDragLeave);
  dom.dataPanel.addEventListener("drop", onDrop);
  const unsubscribe = store.subscribe((state, changed) => {
    if (changed.has("dataset")) showImported();
  });

  const dataset = exportBar({
    t,
    notices,
    testid: "export-dataset",
    extra: [csvPicker],
    items: [
      {text: t("exports.importCsv"), title: t("exports.importCsvTitle"), testid: "import-csv", run: () => csvPicker.click()},
      {
        text: t("exports.datasetCsv"),
        title: t("exports.datasetCsvTitle"),
        testid: "export-dataset-csv",
        async run() {
          const points = model.configured?.points;
          if (!points) throw notReady();
          const {datasetCsv} = await tables();
          download(datasetCsv(points), `${FILE_PREFIX}-dataset.csv`, "text/csv");
        },
      },
    ],
  });

  const weightsId = `ap-export-weights-${++instances}`;
  const withWeights = h("input", {type: "checkbox", id: weightsId, "data-testid": "export-with-weights", checked: true});
  const picker = h("input", {type: "file", accept: ".json,application/json", hidden: true, "data-testid": "load-model-file"});
  picker.addEventListener("change", async () => {
    const file = picker.files?.[0];
    picker.value = "";
    if (file) await loadModelFile(await file.text());
  });

  async function loadModelFile(text) {
    let reader = null;
    try {
      reader = await modelFile();
      const {ModelFileError, rejectedKeys, stateFromModel} = reader;
      if (!model.catalog) throw notReady();
      const {partial, layers} = stateFromModel(text, model.catalog);
      const before = store.get();
      store.set(partial);
      const rejected = rejectedKeys(partial, store.get());
      if (rejected.length) {
        store.set(before);
        throw new ModelFileError("mismatch", {keys: rejected.join(", ")});
      }
      loadModel(layers);
      showImported();
      notices.add("info", t("exports.modelLoaded"), "model-loaded");
    } catch (error) {
      const message = reader && error instanceof reader.ModelFileError ? t(`exports.model.${error.key}`, error.values) : t("exports.model.rejected", {message: error?.message ?? String(error)});
      notices.add("error", message, "model-load");
    }
  }

  const code = (name, extension) => async () => {
    const generate = (await python())[name];
    const file = JSON.parse(await trainedModel());
    download(generate(file, model.catalog, {weights: withWeights.checked}), `${FILE_PREFIX}-${extension}`, "text/x-python");
  };
  const network = exportBar({
    t,
    notices,
    testid: "export-model",
    items: [
      {
        text: t("exports.modelJson"),
        title: t("exports.modelJsonTitle"),
        testid: "export-model-json",
        run: async () => download(await trainedModel(), `${FILE_PREFIX}-model.json`, "application/json"),
      },
      {text: t("exports.loadModel"), title: t("exports.loadModelTitle"), testid: "load-model", run: () => picker.click()},
      {text: t("exports.pytorch"), title: t("exports.pytorchTitle"), testid: "export-pytorch", run: code("pytorchCode", "pytorch.py")},
      {text: t("exports.keras"), title: t("exports.kerasTitle"), testid: "export-keras", run: code("kerasCode", "keras.py")},
    ],
    extra: [h("span", {class: "field field--check export-check"}, [withWeights, h("label", {for: weightsId, text: t("exports.withWeights")})]), picker],
  });

  dom.boundaryPart.append(boundary);
  dom.lossPart.append(history);
  dom.dataPanel.append(importedLine, dataset);
  dom.networkPanel.append(network);
  return () => {
    unsubscribe();
    dom.dataPanel.removeEventListener("dragover", onDragOver);
    dom.dataPanel.removeEventListener("dragleave", onDragLeave);
    dom.dataPanel.removeEventListener("drop", onDrop);
    for (const element of [boundary, history, importedLine, dataset, network]) element.remove();
  };
}
