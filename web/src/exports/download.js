// Hands a file to the browser's downloads: a Blob URL on a temporary <a download>, which a
// strict CSP allows (no navigation, no remote request) and which works from file:// too.

/** Saves `content` (Blob, string or bytes) as `fileName` of type `type`. */
export function download(content, fileName, type = "application/octet-stream") {
  const blob = content instanceof Blob ? content : new Blob([content], {type});
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own reference to the Blob once it starts; free ours after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A canvas as PNG bytes. */
export function canvasPng(canvas) {
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the canvas could not be encoded"))), "image/png"));
}
