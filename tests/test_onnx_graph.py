"""Weight matrices that are exactly 4-bit blocks become MatMulNBits blocks without rounding; others stay fp32."""

from __future__ import annotations

import numpy as np

from qa.index.onnx_graph import Q4_BLOCK, q4_blocks


def _q4_matrix(rng, k: int, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    codes = rng.integers(0, 16, size=(n, k // Q4_BLOCK, Q4_BLOCK))
    codes[..., 0] = 0  # Q4_0 gives the weight of largest magnitude code 0
    scales = rng.normal(size=(n, k // Q4_BLOCK)).astype(np.float16).astype(np.float32)
    weight = ((codes - 8) * scales[..., None]).astype(np.float32).reshape(n, k).T
    return weight, codes, scales


def test_q4_blocks_are_recovered_exactly():
    rng = np.random.default_rng(0)
    weight, codes, scales = _q4_matrix(rng, k=96, n=5)
    packed, found_scales = q4_blocks(weight)
    assert packed.shape == (5, 3, Q4_BLOCK // 2) and packed.dtype == np.uint8
    unpacked = np.stack([packed & 0x0F, packed >> 4], axis=-1).reshape(5, 3, Q4_BLOCK)
    assert np.array_equal(unpacked, codes)
    assert np.array_equal(found_scales, scales.reshape(-1))


def test_a_block_of_zeros_has_scale_zero():
    weight = np.zeros((Q4_BLOCK, 2), np.float32)
    packed, scales = q4_blocks(weight)
    assert np.array_equal(scales, [0, 0]) and np.all(packed == 0x88)


def test_ordinary_fp32_weights_are_not_4_bit():
    rng = np.random.default_rng(1)
    assert q4_blocks(rng.normal(size=(64, 4)).astype(np.float32)) is None
    assert q4_blocks(np.ones((33, 4), np.float32)) is None  # not a whole number of blocks


def test_smoothing_moves_range_into_the_weights_without_changing_the_product():
    from qa.index.onnx_graph import _smoothing

    rng = np.random.default_rng(2)
    bound = np.array([0.5, 30.0, 1.0, 0.0], np.float32)  # one outlier channel, one never used
    x = rng.normal(size=(7, 4)).astype(np.float32) * bound
    weight = rng.normal(size=(4, 6)).astype(np.float32)
    smoothing = _smoothing(bound, weight)
    assert np.all(np.isfinite(smoothing)) and np.all(smoothing > 0)
    assert np.allclose((x / smoothing) @ (weight * smoothing[:, None]), x @ weight, atol=1e-4)
    smoothed = np.abs(x / smoothing).max(axis=0)
    assert smoothed[1] / smoothed[0] < np.abs(x).max(axis=0)[1] / np.abs(x).max(axis=0)[0]  # the outlier is evened out
