package dev.pinch.lm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * bfloat16 conversion in Java. DJL 0.35.1's PyTorch JNI has no bfloat16 type: creating or casting to
 * {@code DataType.BFLOAT16} aborts the JVM ("terminate called without an active exception"), so bf16
 * tensors are widened to fp32 (exact) on read and narrowed from fp32 (round to nearest even, like
 * PyTorch) on write, here, never in libtorch.
 */
final class Bfloat16 {

    private Bfloat16() {}

    /**
     * Widens little-endian bf16 values to a new direct buffer of native-order fp32 values.
     *
     * @param bf16 the bytes (position to limit)
     * @return fp32 bytes, twice as many
     */
    static ByteBuffer toFloat32(ByteBuffer bf16) {
        ByteBuffer src = bf16.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int n = src.remaining() / 2;
        ByteBuffer dst = ByteBuffer.allocateDirect(Math.multiplyExact(n, 4)).order(ByteOrder.nativeOrder());
        for (int i = 0; i < n; i++) {
            dst.putInt(i * 4, (src.getShort(src.position() + i * 2) & 0xFFFF) << 16);
        }
        return dst;
    }

    /**
     * Narrows native-order fp32 values to little-endian bf16, rounding to nearest even.
     *
     * @param f32 the bytes (position to limit)
     * @return bf16 bytes, half as many
     */
    static ByteBuffer fromFloat32(ByteBuffer f32) {
        ByteBuffer src = f32.duplicate().order(ByteOrder.nativeOrder());
        int n = src.remaining() / 4;
        ByteBuffer dst = ByteBuffer.allocateDirect(Math.multiplyExact(n, 2)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            dst.putShort(i * 2, narrow(src.getInt(src.position() + i * 4)));
        }
        return dst;
    }

    /**
     * Rounds one fp32 bit pattern to bf16.
     *
     * @param bits {@code Float.floatToRawIntBits(x)}
     * @return the bf16 bits
     */
    static short narrow(int bits) {
        if ((bits & 0x7F800000) == 0x7F800000 && (bits & 0x007FFFFF) != 0) {
            return (short) 0x7FC0; // NaN
        }
        int rounding = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + rounding) >>> 16);
    }
}
