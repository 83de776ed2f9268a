package dev.pinch.support.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiTokenTest {

    static final String TOKEN = "s3cret-token-0123456789";

    @Test
    void matchesOnlyTheConfiguredToken() {
        ApiToken token = new ApiToken(true, Optional.of(TOKEN));
        assertThat(token.required()).isTrue();
        assertThat(token.matches(TOKEN)).isTrue();
        assertThat(token.matches(TOKEN + "x")).isFalse();
        assertThat(token.matches(TOKEN.substring(1))).isFalse();
        assertThat(token.matches("S3cret-token-0123456789")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
    }

    @Test
    void whenOffNothingIsRequiredAndNothingMatches() {
        ApiToken token = new ApiToken(false, Optional.of(TOKEN));
        assertThat(token.required()).isFalse();
        assertThat(token.matches(TOKEN)).isFalse();
        assertThat(new ApiToken(false, Optional.empty()).required()).isFalse();
    }

    @Test
    void aMissingOrWeakTokenStopsTheServiceWithoutQuotingIt() {
        assertThatThrownBy(() -> new ApiToken(true, Optional.empty()))
                .hasMessageContaining("PINCH_API_TOKEN").hasMessageContaining("PINCH_API_AUTH=false");
        assertThatThrownBy(() -> new ApiToken(true, Optional.of("short-secret")))
                .hasMessageContaining("at least 16").hasMessageNotContaining("short-secret");
        assertThatThrownBy(() -> new ApiToken(true, Optional.of("has a space in the middle")))
                .hasMessageContaining("no whitespace").hasMessageNotContaining("space in");
    }
}
