package dev.pinch.lm;

import ai.djl.ndarray.types.DataType;

/** Which DJL data types libtorch can hold through DJL 0.35.1's JNI (see {@link Bfloat16}). */
final class DataTypes {

    private DataTypes() {}

    /**
     * Rejects types the JNI cannot represent (BFLOAT16 and the unsigned/16-bit integers after it) with an
     * exception instead of letting libtorch abort the JVM.
     *
     * @param type the type of an array about to be created
     */
    static void checkSupported(DataType type) {
        if (type.ordinal() > DataType.BOOLEAN.ordinal()) {
            throw new IllegalArgumentException("DJL 0.35.1's PyTorch engine has no " + type
                    + " tensors (it aborts the JVM); compute in FLOAT32 (or FLOAT16 on a GPU) instead");
        }
    }
}
