package dev.pinch.lm;

import ai.djl.ndarray.types.DataType;
import java.util.Map;

/** Safetensors dtype names, their byte sizes and the matching DJL types. */
final class SafetensorsDtype {

    private static final Map<String, DataType> TYPES = Map.of(
            "F64", DataType.FLOAT64, "F32", DataType.FLOAT32, "F16", DataType.FLOAT16,
            "BF16", DataType.BFLOAT16, "I64", DataType.INT64, "I32", DataType.INT32,
            "I8", DataType.INT8, "U8", DataType.UINT8, "BOOL", DataType.BOOLEAN);

    private SafetensorsDtype() {}

    static DataType toDjl(String dtype) {
        DataType t = TYPES.get(dtype);
        if (t == null) {
            throw new IllegalArgumentException("Unsupported safetensors dtype " + dtype + "; one of " + TYPES.keySet());
        }
        return t;
    }

    static String fromDjl(DataType type) {
        return TYPES.entrySet().stream().filter(e -> e.getValue() == type).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No safetensors dtype for " + type));
    }

    static int bytes(String dtype) {
        return toDjl(dtype).getNumOfBytes();
    }
}
