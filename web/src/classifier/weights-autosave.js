// The page's own app keeps its trained weights across a reload: every few seconds, when the
// epoch has moved on, the worker's model is saved (classifier/autosave.js stores it), and the
// first configuration after a load resumes from it when it belongs to that configuration.

/** How often the trained weights are saved (only when the epoch moved on). */
const SAVE_EVERY_MS = 3000;

/**
 * @param {{autosave: {load, save}, snapshot: () => {epoch: number, token: number} | null, signature: () => string,
 *   exportModel: () => Promise<string | null>, onSaved: (epoch: number) => void}} options
 *   snapshot: the trained state now (null when there is none, or the classifier is gone); a save
 *   is dropped when the configuration (token) changed while the model was being exported;
 *   signature: the configuration the weights belong to (what a restore is matched by)
 * @returns {{takeRestore(restorable: boolean): {layers, epoch} | "corrupt" | null, stop(): void}}
 */
export function startWeightsAutosave({autosave, snapshot, signature, exportModel, onSaved}) {
  let savedEpoch = 0;
  let restorePending = true;
  const save = () => {
    const now = snapshot();
    if (!now || now.epoch === savedEpoch || now.epoch === 0) return;
    const belongsTo = signature();
    exportModel().then((text) => {
      if (snapshot()?.token !== now.token || typeof text !== "string") return;
      autosave.save(belongsTo, JSON.parse(text).layers, now.epoch);
      savedEpoch = now.epoch;
      onSaved(now.epoch);
    });
  };
  const timer = setInterval(save, SAVE_EVERY_MS);
  return {
    /**
     * Called for every configuration: the first one after a load gets the saved weights of its
     * configuration when it may start from them (not from given weights); later ones get null.
     */
    takeRestore(restorable) {
      const pending = restorePending;
      restorePending = false;
      return pending && restorable ? autosave.load(signature()) : null;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
