package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;

/**
 * Rotary position embeddings in Hugging Face's rotate-half convention: {@code inv_freq[i] =
 * 1/theta^(2i/d)}, {@code emb = cat(pos*inv_freq, pos*inv_freq)}, {@code x' = x*cos(emb) +
 * rotate_half(x)*sin(emb)} with {@code rotate_half(x) = cat(-x2, x1)}. The cos/sin tables
 * ({@code [positions, head_dim]}) are computed once, in fp32 like transformers, and live in the model's
 * manager.
 */
final class Rope {

    private final NDArray cos;
    private final NDArray sin;
    private final int positions;

    Rope(LlamaConfig c, NDManager manager, DataType dtype) {
        int d = c.headDim();
        positions = c.maxPositionEmbeddings();
        float[] invFreq = new float[d / 2];
        for (int i = 0; i < d / 2; i++) {
            invFreq[i] = (float) (1.0 / Math.pow(c.ropeTheta(), (double) (2 * i) / d));
        }
        float[] cs = new float[positions * d];
        float[] sn = new float[positions * d];
        for (int p = 0; p < positions; p++) {
            for (int i = 0; i < d / 2; i++) {
                float angle = (float) p * invFreq[i];
                float cv = (float) Math.cos(angle);
                float sv = (float) Math.sin(angle);
                cs[p * d + i] = cv;
                cs[p * d + i + d / 2] = cv;
                sn[p * d + i] = sv;
                sn[p * d + i + d / 2] = sv;
            }
        }
        cos = toType(manager.create(cs, new Shape(positions, d)), dtype);
        sin = toType(manager.create(sn, new Shape(positions, d)), dtype);
    }

    /** @return how many positions the tables cover ({@code max_position_embeddings}) */
    int positions() {
        return positions;
    }

    /**
     * Cos/sin rows for consecutive positions {@code start .. start+len-1}, shape {@code [len, d]}.
     *
     * @param start first position
     * @param len number of positions
     * @param scope manager that will own the slices
     * @return {cos, sin}
     */
    NDArray[] range(int start, int len, NDManager scope) {
        check(start + len);
        NDIndex idx = new NDIndex("{}:{}", start, start + len);
        NDArray c = cos.get(idx);
        NDArray s = sin.get(idx);
        c.attach(scope);
        s.attach(scope);
        return new NDArray[] {c, s};
    }

    /**
     * Cos/sin rows for per-sequence positions, shape {@code [B, 1, T, d]} (broadcast over heads).
     *
     * @param positionIds {@code [B, T]} INT64 positions, already clipped to the table
     * @return {cos, sin}, owned by the manager of {@code positionIds}
     */
    NDArray[] gather(NDArray positionIds) {
        NDArray c = positionIds.getNDArrayInternal().embedding(positionIds, cos, SparseFormat.DENSE).head();
        NDArray s = positionIds.getNDArrayInternal().embedding(positionIds, sin, SparseFormat.DENSE).head();
        return new NDArray[] {c.expandDims(1), s.expandDims(1)};
    }

    /**
     * Applies the rotation to {@code x} of shape {@code [B, heads, T, d]}.
     *
     * @param x queries or keys
     * @param cs {cos, sin} from {@link #range} or {@link #gather}
     * @return the rotated array, owned by the manager of {@code x}
     */
    static NDArray apply(NDArray x, NDArray[] cs) {
        int last = x.getShape().dimension() - 1;
        NDList halves = x.split(2, last);
        NDArray rotated = halves.get(1).neg().concat(halves.get(0), last);
        return x.mul(cs[0]).add(rotated.mul(cs[1]));
    }

    private void check(int end) {
        if (end > positions) {
            throw new IllegalArgumentException("Sequence reaches position " + end + " but max_position_embeddings is "
                    + positions);
        }
    }

    private static NDArray toType(NDArray a, DataType dtype) {
        if (a.getDataType() == dtype) {
            return a;
        }
        NDArray t = a.toType(dtype, false);
        a.close();
        return t;
    }
}
