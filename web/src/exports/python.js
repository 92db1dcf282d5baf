// A model file (the core's export, format 1) as equivalent PyTorch or Keras code: the layers,
// each hidden layer's activation from the catalog's framework names (with the model's
// parameters), the initializer, optimizer, loss and learning rate, and optionally the trained
// weights as literals. Pure: model and catalog in, Python text out (tests compile it).
// Nothing here knows an activation by name: the catalog's framework snippets say what to write.

const FEATURES = {x: "x", y: "y", x2: "x ** 2", y2: "y ** 2", xy: "x * y", sinx: "sin(x)", siny: "sin(y)"};

/** Python's spelling of a number (repr-exact for doubles). */
export function pyNumber(value) {
  if (Number.isNaN(value)) return 'float("nan")';
  if (value === Infinity) return 'float("inf")';
  if (value === -Infinity) return '-float("inf")';
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return `${value}.0`;
  return String(value);
}

const pyList = (values) => `[${Array.from(values, pyNumber).join(", ")}]`;
const pyRows = (values, rows, cols, indent) =>
  `[\n${Array.from({length: rows}, (_, r) => `${indent}    ${pyList(values.slice(r * cols, (r + 1) * cols))},`).join("\n")}\n${indent}]`;
/** Row-major (rows x cols) transposed, for Keras kernels (inputs x outputs). */
const transpose = (values, rows, cols) => Array.from({length: rows * cols}, (_, k) => values[(k % rows) * cols + Math.floor(k / rows)]);

/** Everything both exporters need, derived from the model file. */
function describe(model, catalog) {
  const {config, layers} = model;
  const byName = new Map(catalog.map((entry) => [entry.name, entry]));
  const hidden = config.hidden ?? [];
  const specs = Array.isArray(config.activation) ? config.activation : hidden.map(() => config.activation);
  const activations = hidden.map((_, i) => {
    const raw = specs[i] ?? specs[specs.length - 1] ?? "tanh";
    const spec = typeof raw === "string" ? {name: raw, params: {}} : {params: {}, ...raw};
    const entry = byName.get(spec.name);
    const params = Object.fromEntries((entry?.params ?? []).map((p) => [p.name, spec.params?.[p.name] ?? p.default]));
    return {spec, entry, params, learned: layers[i]?.params ?? {}};
  });
  const features = config.features ?? ["x", "y"];
  const sizes = [features.length, ...hidden, layers.length ? layers[layers.length - 1].biases.length : 1];
  const classes = config.classes ?? 2;
  const regression = typeof config.dataset === "string" && config.dataset.startsWith("reg-");
  const task = config.output === "tanh" ? "tanh" : regression ? "regression" : classes > 2 ? "multiclass" : "binary";
  return {config, layers, activations, features, sizes, task};
}

/** The snippet's call with the model's parameter values: catalog parameter p maps to the keyword
 * whose default the snippet shows, else to a keyword of p's own name. */
function callWithParams(call, entry, params) {
  const match = call.match(/^([\w.]+)\((.*)\)$/);
  if (!match) return call;
  const [, callee, inner] = match;
  const args = inner.trim() ? splitArgs(inner) : [];
  const kept = [];
  const used = new Set();
  for (const arg of args) {
    const keyword = arg.match(/^(\w+)\s*=\s*(.+)$/);
    const value = keyword ? keyword[2] : arg;
    const param = entry.params.find((p) => !used.has(p.name) && Number(value.replace(/^.*Constant\(|\)$/g, "")) === p.default);
    if (!param) {
      kept.push(arg);
      continue;
    }
    used.add(param.name);
    const written = keyword ? arg.replace(/-?[\d.]+(e-?\d+)?(?=\)?$)/, pyNumber(params[param.name])) : `${param.name}=${pyNumber(params[param.name])}`;
    kept.push(written);
  }
  for (const p of entry.params) {
    if (!used.has(p.name) && params[p.name] !== p.default) kept.push(`${p.name}=${pyNumber(params[p.name])}`);
  }
  return `${callee}(${kept.join(", ")})`;
}

function splitArgs(text) {
  const out = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(" || ch === "[") depth++;
    if (ch === ")" || ch === "]") depth--;
    if (ch === "," && depth === 0) {
      out.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}

/** The snippet without its trailing comment, and the comment. */
function splitComment(snippet) {
  const at = snippet.indexOf("  #");
  return at < 0 ? {code: snippet.trim(), comment: ""} : {code: snippet.slice(0, at).trim(), comment: snippet.slice(at + 3).trim()};
}

/** The initial weight distribution of layer k, as the core draws it (initScale applied). */
function initFor(config, fanIn, fanOut) {
  const scale = config.initScale ?? 1;
  switch (config.init ?? "xavier") {
    case "he":
      return {kind: "normal", std: Math.sqrt(2 / fanIn) * scale};
    case "lecun":
      return {kind: "normal", std: Math.sqrt(1 / fanIn) * scale};
    case "uniform":
      return {kind: "uniform", limit: 0.5 * scale};
    default:
      return {kind: "uniform", limit: Math.sqrt(6 / (fanIn + fanOut)) * scale};
  }
}

function header(model, framework) {
  const {config} = model;
  return [
    `# ${framework} equivalent of an Activation Playground model (model format ${model.format}).`,
    `# Dataset: ${config.dataset}, ${config.points} points, noise ${config.noise}, seed ${config.seed}; inputs: ${(config.features ?? ["x", "y"]).join(", ")}.`,
    config.standardize ? "# The playground standardised the inputs on the training set: do the same before training." : null,
  ].filter(Boolean);
}

function featureFunction(features, lib) {
  return [
    `def make_features(x, y):`,
    `    """The network's inputs from the 2D points, in the playground's order."""`,
    `    return ${lib}.stack([${features.map((name) => FEATURES[name]?.replace(/sin\(/g, `${lib}.sin(`) ?? "x").join(", ")}], ${lib === "np" ? "axis=1" : "dim=1"})`,
  ];
}

/** PyTorch code for a model file; `weights`: include the trained weights as literals. */
export function pytorchCode(model, catalog, {weights = false} = {}) {
  const d = describe(model, catalog);
  const {config, sizes} = d;
  const lines = [...header(model, "PyTorch"), "import torch", "from torch import nn", "", ...featureFunction(d.features, "torch"), ""];
  const modules = [];
  const notes = [];
  for (let k = 0; k < sizes.length - 1; k++) {
    modules.push(`nn.Linear(${sizes[k]}, ${sizes[k + 1]}),`);
    const activation = d.activations[k];
    if (!activation) continue;
    const snippet = activation.entry?.frameworks?.pytorch;
    if (!snippet) {
      notes.push(`${activation.spec.name} (layer ${k + 1}) has no PyTorch equivalent in the catalog`);
      modules.push(`None,  # ${activation.spec.name}: no PyTorch equivalent; replace with your own module`);
      continue;
    }
    const {code, comment} = splitComment(snippet);
    modules.push(`${callWithParams(code, activation.entry, activation.params)},${comment ? `  # ${comment}` : ""}`);
    for (const [name, values] of Object.entries(activation.learned)) {
      modules.push(`# learned ${name} per unit: ${pyList(values)}`);
    }
  }
  if (d.task === "tanh") modules.push("nn.Tanh(),");
  lines.push("model = nn.Sequential(", ...modules.map((line) => `    ${line}`), ")");
  if (notes.length) lines.push(`raise NotImplementedError(${JSON.stringify(notes.join("; "))})`);
  lines.push("", "linears = [m for m in model if isinstance(m, nn.Linear)]");
  if (weights) {
    lines.push("# The trained weights (row-major: outputs x inputs) and biases.", "with torch.no_grad():");
    d.layers.forEach((layer, k) => {
      lines.push(`    linears[${k}].weight.copy_(torch.tensor(${pyRows(layer.weights, sizes[k + 1], sizes[k], "    ")}, dtype=torch.float64))`);
      lines.push(`    linears[${k}].bias.copy_(torch.tensor(${pyList(layer.biases)}, dtype=torch.float64))`);
    });
    lines.push("model = model.double()");
  } else {
    lines.push("# The playground's initial weights: its initializer and bias, per layer.", "with torch.no_grad():");
    for (let k = 0; k < sizes.length - 1; k++) {
      const init = initFor(config, sizes[k], sizes[k + 1]);
      lines.push(
        init.kind === "normal" ? `    nn.init.normal_(linears[${k}].weight, 0.0, ${pyNumber(init.std)})` : `    nn.init.uniform_(linears[${k}].weight, ${pyNumber(-init.limit)}, ${pyNumber(init.limit)})`,
        `    nn.init.constant_(linears[${k}].bias, ${pyNumber(config.biasInit ?? 0)})`,
      );
    }
  }
  const loss = {binary: "nn.BCEWithLogitsLoss()", multiclass: "nn.CrossEntropyLoss()", regression: "nn.MSELoss()", tanh: "nn.MSELoss()  # the playground's 1/2 squared error on -1/+1 labels: halve it"}[d.task];
  lines.push("", `loss_fn = ${loss}`);
  const rate = config.regularizationRate ?? 0;
  const decay = config.regularization === "l2" && rate > 0 ? `, "weight_decay": ${pyNumber(rate)}` : "";
  lines.push(`param_groups = [{"params": [m.weight for m in linears]${decay}}, {"params": [m.bias for m in linears]}]`);
  const lr = pyNumber(config.learningRate ?? 0.03);
  const optimizer = {
    sgd: `torch.optim.SGD(param_groups, lr=${lr})`,
    momentum: `torch.optim.SGD(param_groups, lr=${lr}, momentum=0.9)`,
    adam: `torch.optim.Adam(param_groups, lr=${lr}, betas=(0.9, 0.999), eps=1e-08)`,
  }[config.optimizer ?? "sgd"];
  lines.push(`optimizer = ${optimizer}`);
  if (config.regularization === "l1" && rate > 0) lines.push(`# L1 regularisation: add ${pyNumber(rate)} * sum(|w|) over the weights to the loss.`);
  lines.push(`batch_size = ${config.batchSize ?? 10}`, `shuffle = ${config.shuffle === false ? "False" : "True"}`, "");
  return `${lines.join("\n")}\n`;
}

/** Keras 3 code for a model file; `weights`: include the trained weights as literals. */
export function kerasCode(model, catalog, {weights = false} = {}) {
  const d = describe(model, catalog);
  const {config, sizes} = d;
  const lines = [...header(model, "Keras 3"), "import numpy as np", "import keras", "from keras import initializers, layers, regularizers", "", ...featureFunction(d.features, "np"), ""];
  const rate = config.regularizationRate ?? 0;
  const regularizer = rate > 0 && config.regularization === "l2" ? `regularizers.L2(${pyNumber(rate / 2)})` : rate > 0 && config.regularization === "l1" ? `regularizers.L1(${pyNumber(rate)})` : null;
  const stack = [`keras.Input(shape=(${sizes[0]},)),`];
  const notes = [];
  for (let k = 0; k < sizes.length - 1; k++) {
    const init = initFor(config, sizes[k], sizes[k + 1]);
    const kernelInit = init.kind === "normal" ? `initializers.RandomNormal(stddev=${pyNumber(init.std)})` : `initializers.RandomUniform(${pyNumber(-init.limit)}, ${pyNumber(init.limit)})`;
    const common = `kernel_initializer=${kernelInit}, bias_initializer=initializers.Constant(${pyNumber(config.biasInit ?? 0)})${regularizer ? `, kernel_regularizer=${regularizer}` : ""}`;
    const activation = d.activations[k];
    const isOutput = k === sizes.length - 2;
    const outputActivation = isOutput ? {binary: ', activation="sigmoid"', multiclass: ', activation="softmax"', regression: "", tanh: ', activation="tanh"'}[d.task] : "";
    if (!activation) {
      stack.push(`layers.Dense(${sizes[k + 1]}${outputActivation}, ${common}),`);
      continue;
    }
    const snippet = activation.entry?.frameworks?.keras;
    if (!snippet) {
      notes.push(`${activation.spec.name} (layer ${k + 1}) has no Keras equivalent in the catalog`);
      stack.push(`layers.Dense(${sizes[k + 1]}, ${common}),  # ${activation.spec.name}: no Keras equivalent; add your own activation`);
      continue;
    }
    const {code, comment} = splitComment(snippet);
    const tail = comment ? `  # ${comment}` : "";
    if (code.startsWith("activation=")) {
      stack.push(`layers.Dense(${sizes[k + 1]}, ${code}, ${common}),${tail}`);
    } else {
      stack.push(`layers.Dense(${sizes[k + 1]}, ${common}),`, `${callWithParams(code, activation.entry, activation.params)},${tail}`);
    }
    for (const [name, values] of Object.entries(activation.learned)) stack.push(`# learned ${name} per unit: ${pyList(values)}`);
  }
  lines.push("model = keras.Sequential([", ...stack.map((line) => `    ${line}`), "])");
  if (notes.length) lines.push(`raise NotImplementedError(${JSON.stringify(notes.join("; "))})`);
  if (weights) {
    lines.push("", "# The trained weights (kernels are inputs x outputs) and biases.", "dense = [layer for layer in model.layers if isinstance(layer, layers.Dense)]");
    d.layers.forEach((layer, k) => {
      lines.push(`dense[${k}].set_weights([np.array(${pyRows(transpose(layer.weights, sizes[k + 1], sizes[k]), sizes[k], sizes[k + 1], "")}), np.array(${pyList(layer.biases)})])`);
    });
  }
  const loss = {binary: '"binary_crossentropy"', multiclass: '"sparse_categorical_crossentropy"', regression: '"mean_squared_error"', tanh: '"mean_squared_error"'}[d.task];
  const lr = pyNumber(config.learningRate ?? 0.03);
  const optimizer = {
    sgd: `keras.optimizers.SGD(learning_rate=${lr})`,
    momentum: `keras.optimizers.SGD(learning_rate=${lr}, momentum=0.9)`,
    adam: `keras.optimizers.Adam(learning_rate=${lr}, beta_1=0.9, beta_2=0.999, epsilon=1e-08)`,
  }[config.optimizer ?? "sgd"];
  if (d.task === "tanh") lines.push("", "# The playground's tanh output trains on -1/+1 labels with half the squared error.");
  lines.push("", `model.compile(optimizer=${optimizer}, loss=${loss}, metrics=["accuracy"])`);
  lines.push(`# Train with model.fit(make_features(x, y), labels, batch_size=${config.batchSize ?? 10}, shuffle=${config.shuffle === false ? "False" : "True"})`, "");
  return `${lines.join("\n")}\n`;
}
