/**
 * Generates Python that builds the simulated network with the same initialization, in PyTorch
 * and in Keras 3. Library calls are used where their semantics match the config exactly; where
 * they don't (e.g. PyTorch has no LeCun, Keras' GlorotNormal/HeNormal/LecunNormal *truncate*),
 * the snippet falls back to an explicit std so the distribution is the one the simulator ran.
 * Gains and fan modes come from the engine (SCHEME_INFO, calculateGain, weightStd): no formula
 * is duplicated here except the library-call spelling itself.
 */
import { SCHEME_INFO, calculateGain, weightStd } from '@/lib/sim';
import { layerWidths, type Activation, type SimConfig } from '@/lib/validation/sim-config';

/** 1 / std of N(0,1) truncated at ±2: Keras' correction so the truncated draw has the asked std. */
const TRUNC_CORRECTION = '0.87962566103423978';

type Fan = 'fan_in' | 'fan_out' | 'fan_avg';

function resolvedFan(c: SimConfig): Fan {
  return (c.fanMode === 'auto' ? SCHEME_INFO[c.scheme].defaultFanMode : c.fanMode) as Fan;
}

function resolvedGain(c: SimConfig): number {
  if (c.gain === 'default') return SCHEME_INFO[c.scheme].defaultGain;
  if (c.gain === 'activation') return calculateGain(c.activation, c.activationParam);
  return c.gain;
}

function py(v: number): string {
  if (Math.abs(v - Math.SQRT2) < 1e-15) return 'math.sqrt(2)';
  if (Math.abs(v - 5 / 3) < 1e-15) return '5 / 3';
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

const near = (a: number, b: number) => Math.abs(a - b) < 1e-12;

const TORCH_NONLINEARITY: Partial<Record<Activation, string>> = {
  linear: 'linear',
  relu: 'relu',
  'leaky-relu': 'leaky_relu',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
  selu: 'selu',
};

const TORCH_ACTIVATION: Record<Activation, (c: SimConfig) => string> = {
  linear: () => 'nn.Identity()',
  relu: () => 'nn.ReLU()',
  'leaky-relu': (c) => `nn.LeakyReLU(negative_slope=${py(c.activationParam)})`,
  tanh: () => 'nn.Tanh()',
  sigmoid: () => 'nn.Sigmoid()',
  gelu: () => 'nn.GELU()',
  selu: () => 'nn.SELU()',
  swish: () => 'nn.SiLU()',
};

const KERAS_ACTIVATION: Record<Activation, (c: SimConfig) => string> = {
  linear: () => `layers.Activation('linear')`,
  relu: () => `layers.Activation('relu')`,
  'leaky-relu': (c) => `layers.LeakyReLU(negative_slope=${py(c.activationParam)})`,
  tanh: () => `layers.Activation('tanh')`,
  sigmoid: () => `layers.Activation('sigmoid')`,
  gelu: () => `layers.Activation('gelu')`,
  selu: () => `layers.Activation('selu')`,
  swish: () => `layers.Activation('silu')`,
};

function fanExpr(fan: Fan): string {
  return fan === 'fan_in' ? 'fan_in' : fan === 'fan_out' ? 'fan_out' : '(fan_in + fan_out) / 2';
}

function widthsLine(c: SimConfig): string {
  const ws = layerWidths(c);
  const uniform = ws.every((w) => w === c.width);
  return uniform
    ? `widths = [${c.width}] * ${c.layers + 1}  # input width, then each layer's output width`
    : `widths = [${[c.width, ...ws].join(', ')}]  # input width, then each layer's output width`;
}

/** Body of `init_weight(w)` for PyTorch (w has shape [fan_out, fan_in]). */
function torchInit(c: SimConfig): string[] {
  const g = resolvedGain(c);
  const fan = resolvedFan(c);
  const explicit = (dist: 'normal' | 'uniform' | 'truncated'): string[] => {
    const lines = ['fan_out, fan_in = w.shape', `std = ${py(g)} / math.sqrt(${fanExpr(fan)})`];
    if (dist === 'normal') lines.push('nn.init.normal_(w, mean=0.0, std=std)');
    if (dist === 'uniform') lines.push('bound = math.sqrt(3.0) * std', 'nn.init.uniform_(w, -bound, bound)');
    if (dist === 'truncated')
      lines.push(
        `# Keras-style truncation: redraw beyond 2 std, widen the std so the result has the asked std.`,
        `# (trunc_normal_ cuts at absolute a, b, so pass ±2 * std, not its defaults of ±2.)`,
        `std = std / ${TRUNC_CORRECTION}`,
        'nn.init.trunc_normal_(w, mean=0.0, std=std, a=-2 * std, b=2 * std)',
      );
    return lines;
  };
  const kaiming = (fn: string): string[] | null => {
    if (fan === 'fan_avg') return null;
    if (c.gain === 'default') return [`nn.init.${fn}(w, mode='${fan}', nonlinearity='relu')  # gain sqrt(2)`];
    if (c.gain === 'activation') {
      const nl = TORCH_NONLINEARITY[c.activation];
      if (!nl) return null;
      return nl === 'leaky_relu'
        ? [`nn.init.${fn}(w, a=${py(c.activationParam)}, mode='${fan}', nonlinearity='leaky_relu')`]
        : [`nn.init.${fn}(w, mode='${fan}', nonlinearity='${nl}')`];
    }
    return null;
  };
  const gainArg = c.gain === 'activation' && TORCH_NONLINEARITY[c.activation]
    ? c.activation === 'leaky-relu'
      ? `nn.init.calculate_gain('leaky_relu', ${py(c.activationParam)})`
      : `nn.init.calculate_gain('${TORCH_NONLINEARITY[c.activation]}')`
    : py(g);
  switch (c.scheme) {
    case 'xavier-normal':
      return fan === 'fan_avg' ? [`nn.init.xavier_normal_(w, gain=${gainArg})`] : explicit('normal');
    case 'xavier-uniform':
      return fan === 'fan_avg' ? [`nn.init.xavier_uniform_(w, gain=${gainArg})`] : explicit('uniform');
    case 'he-normal':
      return kaiming('kaiming_normal_') ?? explicit('normal');
    case 'he-uniform':
      return kaiming('kaiming_uniform_') ?? explicit('uniform');
    case 'lecun-normal':
      return fan === 'fan_in' && near(g, 1)
        ? [`nn.init.kaiming_normal_(w, mode='fan_in', nonlinearity='linear')  # LeCun normal: Var(W) = 1/fan_in`]
        : explicit('normal');
    case 'lecun-uniform':
      return fan === 'fan_in' && near(g, 1)
        ? [`nn.init.kaiming_uniform_(w, mode='fan_in', nonlinearity='linear')  # LeCun uniform: Var(W) = 1/fan_in`]
        : explicit('uniform');
    case 'orthogonal':
      return [`nn.init.orthogonal_(w, gain=${gainArg})`];
    case 'truncated-normal-xavier':
    case 'truncated-normal-he':
      return explicit('truncated');
    case 'zero':
      return ['nn.init.zeros_(w)'];
    default:
      // small-random, large-random, custom: a fixed std, as the engine computes it.
      return [`nn.init.normal_(w, mean=0.0, std=${py(weightStd(c, c.width, layerWidths(c)[0]))})`];
  }
}

/** A Keras initializer expression. */
function kerasInit(c: SimConfig): { expr: string; note?: string } {
  const g = resolvedGain(c);
  const fan = resolvedFan(c);
  const scale = py(Number((g * g).toPrecision(12)));
  const vs = (dist: string) => `keras.initializers.VarianceScaling(scale=${scale}, mode='${fan}', distribution='${dist}')`;
  const untruncatedNote = (name: string) =>
    `keras.initializers.${name}() draws a truncated normal; 'untruncated_normal' matches the plain normal simulated here.`;
  switch (c.scheme) {
    case 'xavier-normal':
      return { expr: vs('untruncated_normal'), note: untruncatedNote('GlorotNormal') };
    case 'xavier-uniform':
      return { expr: near(g, 1) && fan === 'fan_avg' ? 'keras.initializers.GlorotUniform()' : vs('uniform') };
    case 'he-normal':
      return { expr: vs('untruncated_normal'), note: untruncatedNote('HeNormal') };
    case 'he-uniform':
      return { expr: near(g * g, 2) && fan === 'fan_in' ? 'keras.initializers.HeUniform()' : vs('uniform') };
    case 'lecun-normal':
      return { expr: vs('untruncated_normal'), note: untruncatedNote('LecunNormal') };
    case 'lecun-uniform':
      return { expr: near(g, 1) && fan === 'fan_in' ? 'keras.initializers.LecunUniform()' : vs('uniform') };
    case 'orthogonal':
      return { expr: `keras.initializers.Orthogonal(gain=${py(g)})` };
    case 'truncated-normal-xavier':
      return {
        expr: near(g, 1) && fan === 'fan_avg' ? 'keras.initializers.GlorotNormal()' : vs('truncated_normal'),
        note: `Not keras.initializers.TruncatedNormal(stddev): that one skips the ${TRUNC_CORRECTION} correction.`,
      };
    case 'truncated-normal-he':
      return {
        expr: near(g * g, 2) && fan === 'fan_in' ? 'keras.initializers.HeNormal()' : vs('truncated_normal'),
        note: `Not keras.initializers.TruncatedNormal(stddev): that one skips the ${TRUNC_CORRECTION} correction.`,
      };
    case 'zero':
      return { expr: 'keras.initializers.Zeros()' };
    default:
      return { expr: `keras.initializers.RandomNormal(mean=0.0, stddev=${py(weightStd(c, c.width, layerWidths(c)[0]))})` };
  }
}

const SEED_NOTE = '# Same distributions as InitLab, not the same random draws (different generators).';

export function pytorchSnippet(c: SimConfig): string {
  const bias = c.biasStd > 0;
  const norm =
    c.normalization === 'layernorm'
      ? 'nn.LayerNorm(fan_out, elementwise_affine=False)'
      : c.normalization === 'batchnorm'
        ? 'nn.BatchNorm1d(fan_out, affine=False)'
        : null;
  const lines: string[] = [
    'import math',
    'import torch',
    'from torch import nn',
    '',
    `torch.manual_seed(${c.seed})`,
    SEED_NOTE,
    '',
    widthsLine(c),
    '',
    'def init_weight(w: torch.Tensor) -> None:',
    ...torchInit(c).map((l) => `    ${l}`),
    '',
  ];
  const linear = [
    `linear = nn.Linear(fan_in, fan_out, bias=${bias ? 'True' : 'False'})`,
    'init_weight(linear.weight)',
    ...(bias ? [`nn.init.normal_(linear.bias, mean=0.0, std=${py(c.biasStd)})`] : []),
  ];
  if (c.residual === 'none' && !norm) {
    lines.push(
      'layers = []',
      'for fan_in, fan_out in zip(widths[:-1], widths[1:]):',
      ...linear.map((l) => `    ${l}`),
      `    layers.append(nn.Sequential(linear, ${TORCH_ACTIVATION[c.activation](c)}))  # one layer: Linear -> activation`,
      'model = nn.Sequential(*layers)',
    );
  } else {
    const branchScale =
      c.residual === 'scaled' ? `1 / math.sqrt(${c.layers})` : c.residual === 'scaled-2l' ? `1 / math.sqrt(2 * ${c.layers})` : c.residual === 'zero-init' ? 'self.gamma' : '1.0';
    lines.push(
      'class Block(nn.Module):',
      '    def __init__(self, fan_in: int, fan_out: int):',
      '        super().__init__()',
      ...linear.map((l) => `        ${l}`),
      '        self.linear = linear',
      `        self.norm = ${norm ?? 'nn.Identity()'}  # Linear -> Norm -> activation, no learned scale`,
      `        self.act = ${TORCH_ACTIVATION[c.activation](c)}`,
      ...(c.residual === 'zero-init' ? ['        self.gamma = nn.Parameter(torch.zeros(fan_out))  # zero-init branch gain'] : []),
      '',
      '    def forward(self, x: torch.Tensor) -> torch.Tensor:',
      '        y = self.act(self.norm(self.linear(x)))',
      c.residual === 'none' ? '        return y' : `        return x + ${branchScale} * y  # residual branch`,
      '',
      'model = nn.Sequential(*[Block(i, o) for i, o in zip(widths[:-1], widths[1:])])',
    );
  }
  lines.push(
    '',
    '# Check against the simulator: the std of each layer\'s activations for random inputs',
    '# (compare with the Post-activation Std chart and the per-layer table).',
    `x = torch.randn(${c.samples}, widths[0]) * ${py(c.inputStd)}`,
    'with torch.no_grad():',
    '    for layer, block in enumerate(model, start=1):',
    '        x = block(x)',
    '        print(f"layer {layer}: activation std {x.std(unbiased=False).item():.4g}")',
  );
  return lines.join('\n');
}

export function kerasSnippet(c: SimConfig): string {
  const { expr, note } = kerasInit(c);
  const bias = c.biasStd > 0;
  const dense = `layers.Dense(fan_out, use_bias=${bias ? 'True' : 'False'}, kernel_initializer=${expr}${
    bias ? `, bias_initializer=keras.initializers.RandomNormal(stddev=${py(c.biasStd)})` : ''
  })`;
  const norm =
    c.normalization === 'layernorm'
      ? 'layers.LayerNormalization(center=False, scale=False)'
      : c.normalization === 'batchnorm'
        ? 'layers.BatchNormalization(center=False, scale=False)'
        : null;
  const lines = [
    ...(c.residual !== 'none' ? ['import math'] : []),
    'import keras',
    'from keras import layers',
    '',
    `keras.utils.set_random_seed(${c.seed})`,
    SEED_NOTE,
    '',
    widthsLine(c),
    ...(note ? ['', `# ${note}`] : []),
    '',
    'inputs = keras.Input(shape=(widths[0],))',
    'x = inputs',
    'outputs = []  # every layer\'s activations, to compare with the simulator',
    'for fan_out in widths[1:]:',
    `    h = ${dense}(x)`,
    ...(norm ? [`    h = ${norm}(h)`] : []),
    `    h = ${KERAS_ACTIVATION[c.activation](c)}(h)`,
    c.residual === 'none'
      ? '    x = h'
      : c.residual === 'scaled'
        ? `    x = layers.Add()([x, layers.Rescaling(1 / math.sqrt(${c.layers}))(h)])  # scaled residual`
        : c.residual === 'scaled-2l'
          ? `    x = layers.Add()([x, layers.Rescaling(1 / math.sqrt(2 * ${c.layers}))(h)])  # GPT-2 scaled residual`
          : c.residual === 'zero-init'
            ? "    x = layers.Add()([x, layers.BatchNormalization(center=False, gamma_initializer='zeros')(h)])  # zero-gamma branch (BatchNorm's gain, zero at init)"
            : '    x = layers.Add()([x, h])  # residual',
    '    outputs.append(x)',
    'model = keras.Model(inputs, x)',
    '',
    '# Check against the simulator: the std of each layer\'s activations for random inputs',
    '# (training=True so BatchNormalization uses the batch\'s own statistics, as simulated).',
    'probe = keras.Model(inputs, outputs)',
    `x = keras.random.normal((${c.samples}, widths[0]), stddev=${py(c.inputStd)}, seed=${c.seed})`,
    'for layer, a in enumerate(probe(x, training=True), start=1):',
    '    print(f"layer {layer}: activation std {float(keras.ops.std(a)):.4g}")',
  ];
  return lines.join('\n');
}
