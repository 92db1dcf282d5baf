// The classifier's downloads, each beside what it shows: the output plot as PNG (2×), the
// training history and the dataset as CSV, the model as JSON (and "Load model" to restore one),
// the network as PyTorch or Keras code. Reads the controller's model; never trains.
import {h} from "../ui/dom.js";
import {snapshot as boundarySnapshot} from "../views/boundary.js";
import {canvasPng, download} from "./download.js";
import {exportBar} from "./export-bar.js";
import {datasetCsv, historyCsv} from "./tables.js";
import {ModelFileError, rejectedKeys, stateFromModel} from "./model-file.js";
import {kerasCode, pytorchCode} from "./python.js";

const FILE_PREFIX = "activation-playground";
let instances = 0;

/**
 * @param {{dom, model, t, notices, store, exportModel: () => Promise<string | null>,
 *   loadModel: (partial: object, layers: object[]) => void}} context
 * @returns {() => void} removes the bars
 */
export function mountClassifierExports({dom, model, t, notices, store, exportModel, loadModel}) {
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
        run() {
          const snap = model.frame?.a;
          if (!snap?.history) throw notReady();
          download(historyCsv(snap.history, model.gradHistory), `${FILE_PREFIX}-history.csv`, "text/csv");
        },
      },
    ],
  });

  const dataset = exportBar({
    t,
    notices,
    testid: "export-dataset",
    items: [
      {
        text: t("exports.datasetCsv"),
        title: t("exports.datasetCsvTitle"),
        testid: "export-dataset-csv",
        run() {
          const points = model.configured?.points;
          if (!points) throw notReady();
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
    try {
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
      notices.add("info", t("exports.modelLoaded"), "model-loaded");
    } catch (error) {
      const message = error instanceof ModelFileError ? t(`exports.model.${error.key}`, error.values) : t("exports.model.rejected", {message: error?.message ?? String(error)});
      notices.add("error", message, "model-load");
    }
  }

  const code = (generate, extension) => async () => {
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
      {text: t("exports.pytorch"), title: t("exports.pytorchTitle"), testid: "export-pytorch", run: code(pytorchCode, "pytorch.py")},
      {text: t("exports.keras"), title: t("exports.kerasTitle"), testid: "export-keras", run: code(kerasCode, "keras.py")},
    ],
    extra: [h("span", {class: "field field--check export-check"}, [withWeights, h("label", {for: weightsId, text: t("exports.withWeights")})]), picker],
  });

  dom.boundaryPart.append(boundary);
  dom.lossPart.append(history);
  dom.dataPanel.append(dataset);
  dom.networkPanel.append(network);
  return () => {
    for (const bar of [boundary, history, dataset, network]) bar.remove();
  };
}
