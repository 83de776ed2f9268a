package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Rotary position embeddings in Hugging Face's rotate-half convention: {@code emb = cat(pos*inv_freq,
 * pos*inv_freq)}, {@code x' = x*cos(emb) + rotate_half(x)*sin(emb)} with {@code rotate_half(x) = cat(-x2, x1)}.
 * The inverse frequencies come from a {@link RopeSpec} (default, linear, dynamic, llama3, yarn); cos and sin are
 * computed per forward for the positions it needs, in fp32 like transformers, then cast to the compute type.
 */
final class Rope {

    private final RopeSpec spec;
    private final int dim;
    private final int maxPositions;
    private final float[] invFreq;

    Rope(RopeSpec spec, int dim, int maxPositions) {
        this.spec = spec;
        this.dim = dim;
        this.maxPositions = maxPositions;
        this.invFreq = spec.dynamic() ? null : spec.invFreq(dim, maxPositions, maxPositions);
    }

    /**
     * Checks that a forward reaching {@code total} positions is within the model's context. Only {@code dynamic}
     * scaling goes past {@code max_position_embeddings} (it rescales the base to the sequence length).
     *
     * @param total the sequence length after this forward
     */
    void check(int total) {
        if (total > maxPositions && !spec.dynamic()) {
            throw new IllegalArgumentException("Sequence reaches position " + total
                    + " but max_position_embeddings is " + maxPositions);
        }
    }

    /**
     * Cos and sin for the given positions.
     *
     * @param positions positions, any shape {@code [..., T]}, any numeric type (owned by {@code scope})
     * @param total the sequence length after this forward (dynamic scaling's {@code seq_len})
     * @param scope the manager of this forward
     * @param type the compute type
     * @return {cos, sin} of shape {@code [..., T, head_dim]}
     */
    NDArray[] tables(NDArray positions, int total, NDManager scope, DataType type) {
        float[] inv = invFreq != null ? invFreq : spec.invFreq(dim, total, maxPositions);
        NDArray freqs = positions.toType(DataType.FLOAT32, false).expandDims(-1).mul(scope.create(inv));
        NDArray emb = freqs.concat(freqs, -1);
        NDArray cos = emb.cos();
        NDArray sin = emb.sin();
        if (spec.attentionScaling() != 1.0) {
            NDArray s = scope.full(new Shape(), (float) spec.attentionScaling(), DataType.FLOAT32);
            cos = cos.mul(s);
            sin = sin.mul(s);
        }
        return type == DataType.FLOAT32 ? new NDArray[] {cos, sin}
                : new NDArray[] {cos.toType(type, false), sin.toType(type, false)};
    }

    /**
     * Applies the rotation to {@code x} of shape {@code [B, heads, T, d]}.
     *
     * @param x queries or keys
     * @param cs {cos, sin} broadcastable to {@code x}
     * @return the rotated array, owned by the manager of {@code x}
     */
    static NDArray apply(NDArray x, NDArray[] cs) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
        return x.mul(cs[0]).add(rotated.mul(cs[1]));
    }
}
