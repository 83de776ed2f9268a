package dev.pinch.store.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where artifacts live. Shared by every service: {@code pinch.store.*}. */
@ConfigMapping(prefix = "pinch.store")
public interface StoreConfig {

    /**
     * Root of the artifact store. A local directory (default {@code ./pinch-data}); an {@code s3://bucket/prefix}
     * root selects the S3 store once it exists.
     */
    @WithDefault("./pinch-data")
    String root();
}
