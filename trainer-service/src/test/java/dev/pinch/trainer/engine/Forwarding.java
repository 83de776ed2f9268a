package dev.pinch.trainer.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.function.BiFunction;

/** A {@link CausalLm} that hands each forward's logits (and the call's number, from 1) to a hook. */
final class Forwarding implements CausalLm {

    private final CausalLm inner;
    private final BiFunction<Integer, NDArray, NDArray> hook;
    private int calls;

    Forwarding(CausalLm inner, BiFunction<Integer, NDArray, NDArray> hook) {
        this.inner = inner;
        this.hook = hook;
    }

    @Override
    public LinkedHashMap<String, NDArray> parameters() {
        return inner.parameters();
    }

    @Override
    public NDArray forward(NDArray inputIds) {
        return hook.apply(++calls, inner.forward(inputIds));
    }

    @Override
    public NDManager manager() {
        return inner.manager();
    }

    @Override
    public Device device() {
        return inner.device();
    }

    @Override
    public void save(Path dir) throws IOException {
        inner.save(dir);
    }

    @Override
    public void close() {
        inner.close();
    }
}
