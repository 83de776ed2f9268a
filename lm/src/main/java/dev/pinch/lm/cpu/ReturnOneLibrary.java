package dev.pinch.lm.cpu;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of the smallest x86-64 ELF shared object that exports one function, {@code int NAME(void)}, returning 1
 * ({@code mov eax, 1; ret}). It is written by the project rather than compiled so that no C toolchain is needed at
 * run time. The layout follows the System V ABI (gABI chapters 4 and 5, and the x86-64 psABI):
 * <ul>
 *   <li>the ELF header, three program headers: a read-and-execute {@code PT_LOAD} for the whole file at address 0,
 *       a read-write {@code PT_LOAD} mapping the same bytes one page up (the dynamic loader writes relocated
 *       addresses into the dynamic section, so it must be writable, and a writable code page is refused by hardened
 *       kernels), {@code PT_DYNAMIC}, and {@code PT_GNU_STACK} (without it glibc makes the whole stack executable);</li>
 *   <li>a SysV hash table with one bucket, the symbol table (the null symbol and the function, global, default
 *       visibility), the string table, the six code bytes, and the dynamic section naming them.</li>
 * </ul>
 * No section headers: the dynamic loader does not read them.
 */
final class ReturnOneLibrary {

    private static final int EHDR = 64;
    private static final int PHDR = 56;
    private static final int PHNUM = 4;
    private static final int SYM = 24;
    private static final long PAGE = 0x1000;
    private static final byte[] CODE = {(byte) 0xb8, 1, 0, 0, 0, (byte) 0xc3};

    private ReturnOneLibrary() {
    }

    /**
     * @param name the exported function's name (ASCII)
     * @return the shared object's bytes
     */
    static byte[] bytes(String name) {
        byte[] strtab = ("\0" + name + "\0").getBytes(StandardCharsets.US_ASCII);
        int hash = align(EHDR + PHNUM * PHDR);
        int hashSize = 5 * 4; // nbucket, nchain, bucket[0], chain[0], chain[1]
        int symtab = align(hash + hashSize);
        int strOff = symtab + 2 * SYM;
        int code = align(strOff + strtab.length);
        int dynamic = align(code + CODE.length);
        // DT_HASH, DT_STRTAB, DT_SYMTAB, DT_STRSZ, DT_SYMENT, DT_NULL (the tables' addresses equal their offsets)
        long[][] dyn = {{4, hash}, {5, strOff}, {6, symtab}, {10, strtab.length}, {11, SYM}, {0, 0}};
        int size = dynamic + dyn.length * 16;

        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]); // 64-bit, little-endian, SysV
        b.putShort((short) 3).putShort((short) 62).putInt(1); // ET_DYN, EM_X86_64, EV_CURRENT
        b.putLong(0).putLong(EHDR).putLong(0).putInt(0); // entry, phoff, shoff, flags
        b.putShort((short) EHDR).putShort((short) PHDR).putShort((short) PHNUM);
        b.putShort((short) 64).putShort((short) 0).putShort((short) 0); // shentsize, shnum, shstrndx

        programHeader(b, 1, 4 | 1, 0, 0, dynamic); // PT_LOAD, R+X: headers, tables and code
        programHeader(b, 1, 4 | 2, 0, PAGE, size); // PT_LOAD, R+W: the same page, one page up
        programHeader(b, 2, 4 | 2, dynamic, PAGE + dynamic, size - dynamic); // PT_DYNAMIC
        programHeader(b, 0x6474e551, 4 | 2, 0, 0, 0); // PT_GNU_STACK: not executable

        b.position(hash);
        b.putInt(1).putInt(2).putInt(1).putInt(0).putInt(0);
        b.position(symtab + SYM); // symbol 0 stays all zeros
        b.putInt(1).put((byte) 0x12).put((byte) 0).putShort((short) 1); // name, GLOBAL FUNC, default, defined
        b.putLong(code).putLong(CODE.length);
        b.position(strOff);
        b.put(strtab);
        b.position(code);
        b.put(CODE);
        b.position(dynamic);
        for (long[] d : dyn) {
            b.putLong(d[0]).putLong(d[1]); // tag, value (sizes) or address (tables)
        }
        return b.array();
    }

    private static void programHeader(ByteBuffer b, int type, int flags, long offset, long vaddr, long size) {
        b.putInt(type).putInt(flags).putLong(offset).putLong(vaddr).putLong(vaddr);
        b.putLong(size).putLong(size).putLong(type == 1 ? PAGE : 8);
    }

    private static int align(int offset) {
        return (offset + 7) & ~7;
    }
}
