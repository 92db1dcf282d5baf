// The main thread's handle on the trainer worker: sends commands, dispatches replies.

export function createTrainerClient({libUrl, onMessage}) {
  const worker = new Worker(new URL("./trainer-worker.js", import.meta.url), {type: "module"});
  worker.onmessage = (event) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    onMessage({type: "error", op: "worker", message: event.message || "worker failed to start"});
  };
  const send = (type, payload = {}) => worker.postMessage({type, ...payload});
  send("init", {libUrl});
  return {
    send,
    terminate: () => worker.terminate(),
  };
}
