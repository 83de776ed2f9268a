package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * Per-layer keys and values of the tokens processed so far, so that {@link LlamaModel#forward(NDArray,
 * KvCache)} only runs the new tokens. Keys/values are {@code [B, kv_heads, S, head_dim]}, already rotated. Each
 * layer's keys and values live in a buffer with room for more positions, so a step writes only its new positions in
 * place and attends over a view of the first {@code S}; concatenating instead copies the whole cache at every step
 * (and, on CPU, wakes every intra-op thread to do so). A cache made for a known number of positions (a generation's
 * prompt and budget) allocates exactly that once; past it, or without it, {@link #append} doubles a full buffer.
 *
 * <p>Once a step has padding, the cache also keeps which cached positions are real tokens ({@code [B, S]})
 * and how many real tokens each sequence has seen ({@code [B, 1]}): that gives every new token its own
 * position id, as with left padding. The cache owns a sub-manager of the model's manager: close it when
 * the generation is done (closing the model closes it too). Not thread-safe.
 */
public final class KvCache implements AutoCloseable {

    private final NDManager manager;
    private final NDArray[] keys;
    private final NDArray[] values;
    private final long expected;
    private NDArray keyMask;
    private NDArray seen;
    private int length;

    /**
     * Creates an empty cache for a model.
     *
     * @param model the model whose layers will fill it
     */
    public KvCache(LlamaModel model) {
        this(model, 0);
    }

    /**
     * Creates an empty cache for a model that will hold about {@code positions} positions.
     *
     * @param model the model whose layers will fill it
     * @param positions the positions the cache will reach (0 when unknown): its buffers' size
     */
    public KvCache(LlamaModel model, long positions) {
        if (positions < 0) {
            throw new IllegalArgumentException("positions must be 0 or more, was " + positions);
        }
        this.expected = positions;
        this.manager = model.manager().newSubManager();
        int layers = model.config().numHiddenLayers();
        this.keys = new NDArray[layers];
        this.values = new NDArray[layers];
    }

    /** @return the number of cached positions, padding included */
    public int length() {
        return length;
    }

    /** @return whether positions are tracked per sequence (some step had padding) */
    public boolean padded() {
        return keyMask != null;
    }

    /**
     * Appends one layer's new keys and values and returns all of them.
     *
     * @param layer the layer index
     * @param k new keys {@code [B, kv, T, d]}
     * @param v new values {@code [B, kv, T, d]}
     * @return {all keys, all values}: views of the cache's buffers, in the manager of {@code k}
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        long t = k.getShape().get(2);
        keys[layer] = write(keys[layer], k, t);
        values[layer] = write(values[layer], v, t);
        NDIndex upTo = new NDIndex().addAllDim(2).addSliceDim(0, length + t);
        NDArray[] kv = {keys[layer].get(upTo), values[layer].get(upTo)};
        kv[0].attach(k.getManager());
        kv[1].attach(k.getManager());
        return kv;
    }

    /** Positions the buffers have room for (0 before the first step). */
    long capacity() {
        return keys.length == 0 || keys[0] == null ? 0 : keys[0].getShape().get(2);
    }

    /**
     * Writes {@code add} at positions {@code [length, length + t)} of {@code buffer}, first growing it if full: to
     * the expected positions when they hold it, else to twice its size.
     */
    private NDArray write(NDArray buffer, NDArray add, long t) {
        long need = length + t;
        long capacity = buffer == null ? 0 : buffer.getShape().get(2);
        if (need > capacity) {
            Shape shape = add.getShape();
            long size = need <= expected ? expected : Math.max(need, 2 * capacity);
            NDArray bigger = manager.zeros(new Shape(shape.get(0), shape.get(1), size, shape.get(3)),
                    add.getDataType(), add.getDevice());
            if (buffer != null) {
                NDIndex cached = new NDIndex().addAllDim(2).addSliceDim(0, length);
                try (NDArray old = buffer.get(cached)) {
                    bigger.set(cached, old);
                }
                buffer.close();
            }
            buffer = bigger;
        }
        buffer.set(new NDIndex().addAllDim(2).addSliceDim(length, need), add);
        return buffer;
    }

    /** @return {@code [B, S]} BOOLEAN validity of the cached positions, or null when none is padding */
    NDArray keyMask() {
        return keyMask;
    }

    /** @return {@code [B, 1]} INT64 real tokens seen per sequence, or null when it equals {@link #length()} */
    NDArray seen() {
        return seen;
    }

    /**
     * Records a step: the validity of all positions and the per-sequence counts after it.
     *
     * @param newKeyMask {@code [B, S + t]} validity, or null when nothing is padding
     * @param newSeen {@code [B, 1]} counts, or null when they equal the length
     * @param t the number of positions the step added
     */
    void advance(NDArray newKeyMask, NDArray newSeen, int t) {
        keyMask = replace(keyMask, newKeyMask);
        seen = replace(seen, newSeen);
        length += t;
    }

    /** @return the manager that owns the cached arrays */
    NDManager manager() {
        return manager;
    }

    private NDArray replace(NDArray old, NDArray now) {
        if (now != null && now != old) {
            now.attach(manager);
            if (old != null) {
                old.close();
            }
        }
        return now;
    }

    /** Frees every cached array. */
    @Override
    public void close() {
        manager.close();
    }
}
