package dev.pinch.lm.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.lm.Engines;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MklAmdKernelsTest {

    private static final Linker LINKER = Linker.nativeLinker();

    @Test
    void theWrittenLibraryLoadsAndItsFunctionReturnsOne(@TempDir Path dir) throws Throwable {
        Path lib = MklAmdKernels.write(dir);
        MemorySegment handle = MklAmdKernels.dlopen(lib, 2); // RTLD_NOW, local: not visible to anyone else
        assertThat(handle).isNotEqualTo(MemorySegment.NULL);
        assertThat(call(dlsym(handle, MklAmdKernels.SYMBOL))).isEqualTo(1);
        assertThat(dlsym(handle, "mkl_serv_intel_cpu")).isEqualTo(MemorySegment.NULL);
        assertThat(MklAmdKernels.write(dir)).isEqualTo(lib); // content-named: written once
    }

    @Test
    void anotherNameIsExportedUnderThatName(@TempDir Path dir) throws Throwable {
        Path lib = dir.resolve("libother.so");
        java.nio.file.Files.write(lib, ReturnOneLibrary.bytes("pinch_test_answer"));
        MemorySegment handle = MklAmdKernels.dlopen(lib, 2);
        assertThat(call(dlsym(handle, "pinch_test_answer"))).isEqualTo(1);
        assertThat(dlsym(handle, MklAmdKernels.SYMBOL)).isEqualTo(MemorySegment.NULL);
    }

    /** What install() relies on to report FAILED rather than crash: the loader refuses what is not a library. */
    @Test
    void aFileThatIsNotALibraryIsRefusedByTheLoaderAndAMissingFunctionIsNull(@TempDir Path dir) throws Exception {
        Path junk = java.nio.file.Files.writeString(dir.resolve("libjunk.so"), "not an ELF file");
        assertThat(MklAmdKernels.dlopen(junk, 2)).isEqualTo(MemorySegment.NULL);
        Engines.engine();
        assertThat(LibTorch.function("pinch_no_such_function", FunctionDescriptor.ofVoid())).isNull();
        assertThat(LibTorch.function("MKL_Get_Max_Threads", FunctionDescriptor.of(ValueLayout.JAVA_INT))).isNotNull();
    }

    /** A cache directory that cannot be made (here: under a regular file) leaves MKL as it is, with a warning. */
    @Test
    void anUnwritableCacheDirectoryGivesFailedNotACrash(@TempDir Path dir) throws Exception {
        Path file = java.nio.file.Files.writeString(dir.resolve("a-file"), "x");
        assertThat(MklAmdKernels.load(file.resolve("pinch"))).isEqualTo(MklAmdKernels.Outcome.FAILED);
        assertThat(file.resolve("pinch")).doesNotExist();
    }

    @Test
    void theSettingIsAutoOrOffAndAnythingElseIsRefusedByName() {
        assertThat(MklAmdKernels.enabled(null, null)).isTrue();
        assertThat(MklAmdKernels.enabled(null, "OFF")).isFalse();
        assertThat(MklAmdKernels.enabled("auto", "off")).isTrue(); // the property wins
        assertThatThrownBy(() -> MklAmdKernels.enabled("on", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pinch.cpu.mkl-amd-kernels").hasMessageContaining("PINCH_MKL_AMD_KERNELS")
                .hasMessageContaining("was 'on'");
    }

    /** Engines applies the setting before libtorch loads: on an AMD CPU the function is in the global scope. */
    @Test
    void onAnAmdCpuTheEngineSeesTheFunctionInTheGlobalScope() throws Throwable {
        Engines.engine();
        MemorySegment global = dlsym(MemorySegment.NULL, MklAmdKernels.SYMBOL); // RTLD_DEFAULT
        if (MklAmdKernels.vendor().orElse("").equals("AuthenticAMD") && System.getenv(MklAmdKernels.ENV) == null) {
            assertThat(MklAmdKernels.install()).isEqualTo(MklAmdKernels.Outcome.ENABLED);
            assertThat(call(global)).isEqualTo(1);
        } else {
            assertThat(MklAmdKernels.install()).isNotEqualTo(MklAmdKernels.Outcome.ENABLED);
            assertThat(global).isEqualTo(MemorySegment.NULL); // libtorch is loaded locally, MKL's own is not global
        }
    }

    private static MemorySegment dlsym(MemorySegment handle, String name) {
        return LibTorch.dlsym(handle, name);
    }

    private static int call(MemorySegment function) throws Throwable {
        return (int) LINKER.downcallHandle(function, FunctionDescriptor.of(ValueLayout.JAVA_INT)).invokeExact();
    }
}
