package dev.pinch.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pinch.broker.KafkaBrokerMain.Options;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KafkaBrokerMainTest {

    @Test
    void defaultsToPinchDataAndPort9092() {
        assertThat(Options.parse()).isEqualTo(new Options(Path.of("pinch-data/kafka"), 9092, 0));
    }

    @Test
    void readsEveryOption() {
        assertThat(Options.parse("--port", "19092", "--data-dir", "/tmp/k", "--controller-port", "19093"))
                .isEqualTo(new Options(Path.of("/tmp/k"), 19092, 19093));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadPorts() {
        assertThatThrownBy(() -> Options.parse("--verbose")).hasMessage("Unknown option --verbose");
        assertThatThrownBy(() -> Options.parse("--port")).hasMessage("Missing value for --port");
        assertThatThrownBy(() -> Options.parse("--port", "x")).hasMessageStartingWith("Invalid --port x");
        assertThatThrownBy(() -> Options.parse("--port", "70000")).hasMessageStartingWith("Invalid --port 70000");
    }
}
