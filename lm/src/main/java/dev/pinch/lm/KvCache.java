package dev.pinch.lm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Per-layer keys and values of the tokens processed so far, so that {@link LlamaModel#forward(NDArray,
 * KvCache)} only runs the new tokens. Keys/values are {@code [B, kv_heads, S, head_dim]}, already rotated.
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
    private NDArray keyMask;
    private NDArray seen;
    private int length;

    /**
     * Creates an empty cache for a model.
     *
     * @param model the model whose layers will fill it
     */
    public KvCache(LlamaModel model) {
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
     * @return {all keys, all values}, owned by the cache
     */
    NDArray[] append(int layer, NDArray k, NDArray v) {
        keys[layer] = concat(keys[layer], k, 2);
        values[layer] = concat(values[layer], v, 2);
        return new NDArray[] {keys[layer], values[layer]};
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

    private NDArray concat(NDArray old, NDArray add, int axis) {
        if (old == null) {
            add.attach(manager);
            return add;
        }
        NDArray all = old.concat(add, axis);
        old.close();
        return all;
    }

    /** Frees every cached array. */
    @Override
    public void close() {
        manager.close();
    }
}
