// The activation chart's downloads: SVG (serialised from the chart's own data, see chart-svg.js)
// and PNG (that SVG rasterised at 2×, so both files show the same chart).
import {chartSvg} from "./chart-svg.js";
import {canvasPng, download} from "./download.js";
import {exportBar} from "./export-bar.js";
import {readTheme} from "../explorer/palette.js";

const PNG_RATIO = 2;

/**
 * @param {{t, canvas: HTMLCanvasElement, data: () => object | null}} context  data: the chart's current data
 * @returns {HTMLElement} the bar, for the caller to place beside the chart
 */
export function createChartExports({t, canvas, data}) {
  const svgText = () => {
    const current = data();
    if (!current) throw new Error(t("exports.notReady"));
    const names = current.series.map((series) => series.label).join(", ");
    return chartSvg(current, readTheme(canvas), {title: t("exports.chartTitle", {names}), fLabel: t("explorer.chart.showF"), dfLabel: t("explorer.chart.showDf")});
  };
  return exportBar({
    t,
    testid: "export-chart",
    items: [
      {text: t("exports.chartSvg"), title: t("exports.chartSvgTitle"), testid: "export-chart-svg", run: () => download(svgText(), "activation-chart.svg", "image/svg+xml")},
      {text: t("exports.chartPng"), title: t("exports.chartPngTitle"), testid: "export-chart-png", run: async () => download(await rasterise(svgText()), "activation-chart.png")},
    ],
  });
}

/** An SVG document drawn onto a canvas at PNG_RATIO, as PNG bytes (a blob: image, which the CSP allows). */
async function rasterise(svg) {
  const url = URL.createObjectURL(new Blob([svg], {type: "image/svg+xml"}));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.naturalWidth * PNG_RATIO;
    canvas.height = image.naturalHeight * PNG_RATIO;
    canvas.getContext("2d").drawImage(image, 0, 0, canvas.width, canvas.height);
    return canvasPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}
