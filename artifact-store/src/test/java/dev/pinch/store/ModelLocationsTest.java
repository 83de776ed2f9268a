package dev.pinch.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelLocationsTest {

    private static final String BUILTIN = "builtin-" + "ab".repeat(32);

    @TempDir
    Path root;

    @Test
    void aBuiltinNameIsFoundInTheStoreOnly() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        assertThat(ModelLocations.directory(BUILTIN, store)).isEmpty();
        Path model = Files.createDirectories(root.resolve("made"));
        Files.writeString(model.resolve("config.json"), "{}");
        Artifact stored = store.writeDirectory("models/" + BUILTIN, model);
        assertThat(ModelLocations.stored(BUILTIN, store)).contains(stored);
        assertThat(ModelLocations.directory(BUILTIN, store)).contains(store.localPath(stored.uri()));
        assertThat(ModelLocations.builtinKey(BUILTIN)).isEqualTo("models/" + BUILTIN);
    }

    @Test
    void anyOtherNameIsAModelDirectoryWithAConfig() throws Exception {
        LocalArtifactStore store = new LocalArtifactStore(root.resolve("store"));
        Path dir = Files.createDirectories(root.resolve("my-model"));
        assertThat(ModelLocations.directory(dir.toString(), store)).as("no config.json yet").isEmpty();
        Files.writeString(dir.resolve("config.json"), "{}");
        assertThat(ModelLocations.directory(dir.toString(), store)).contains(dir);
        assertThat(ModelLocations.directory("", store)).isEmpty();
        assertThat(ModelLocations.stored(dir.toString(), store)).isEmpty();
    }

    @Test
    void onlyBuiltinDashSha256IsABuiltinName() {
        assertThat(ModelLocations.isBuiltin(BUILTIN)).isTrue();
        assertThat(ModelLocations.isBuiltin("builtin-ABC")).isFalse();
        assertThat(ModelLocations.isBuiltin(BUILTIN + "0")).isFalse();
        assertThat(ModelLocations.isBuiltin(null)).isFalse();
        assertThatThrownBy(() -> ModelLocations.builtinKey("qwen")).hasMessageContaining("not a built-in model name");
    }
}
