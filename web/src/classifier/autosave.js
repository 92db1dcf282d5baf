// The page's autosave: the trained weights of the current configuration in localStorage, so a
// reload mid-training resumes from them. One entry, {signature, layers, epoch}; the signature
// is the configuration the weights belong to, so they are only ever restored into the same one.

const STORAGE_KEY = "activation-playground:autosave";
const FORMAT = 1;

/**
 * @param {Storage | null} storage  localStorage, or null where it is unavailable (then a no-op)
 * @returns {{load(signature): {layers, epoch} | null | "corrupt", save(signature, layers, epoch): void}}
 */
export function createAutosave(storage) {
  const read = () => {
    try {
      return storage?.getItem(STORAGE_KEY) ?? null;
    } catch {
      return null; // storage refused (privacy settings): nothing to restore
    }
  };
  const remove = () => {
    try {
      storage?.removeItem(STORAGE_KEY);
    } catch {
      // nothing to clean up where storage is refused
    }
  };
  return {
    /** The saved weights for `signature`; null when there are none for it; "corrupt" (and discarded) when unreadable. */
    load(signature) {
      const text = read();
      if (text === null) return null;
      let entry;
      try {
        entry = JSON.parse(text);
      } catch {
        entry = null;
      }
      const valid =
        entry !== null &&
        typeof entry === "object" &&
        entry.format === FORMAT &&
        typeof entry.signature === "string" &&
        Array.isArray(entry.layers) &&
        entry.layers.every((layer) => layer !== null && typeof layer === "object" && Array.isArray(layer.weights) && Array.isArray(layer.biases)) &&
        Number.isSafeInteger(entry.epoch);
      if (!valid) {
        remove();
        return "corrupt";
      }
      return entry.signature === signature ? {layers: entry.layers, epoch: entry.epoch} : null;
    },
    save(signature, layers, epoch) {
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify({format: FORMAT, signature, layers, epoch}));
      } catch {
        // Quota exceeded or storage refused: the autosave is a convenience, training goes on.
      }
    },
  };
}

/** Where the page keeps it; null when the browser refuses storage. */
export function pageStorage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}
