package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServiceConfigKeysTest {

    private final ServiceConfigKeys trainer = ServiceConfigKeys.of(Repo.root(), "trainer-service");

    @Test
    void aTypoedVariableIsReportedWithTheServiceAndTheVariable() {
        assertThat(trainer.unknown("trainer-service", List.of("PINCH_STORE_ROOT", "PINCH_STORE_ROTO")))
                .singleElement().asString()
                .contains("trainer-service", "PINCH_STORE_ROTO");
    }

    @Test
    void matchesApplicationPropertiesConfigMappingsAndTheirEnvironmentForms() {
        // application.properties (and the variable its value references), StoreConfig and TrainerConfig mappings
        assertThat(trainer.accepts("KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(trainer.accepts("QUARKUS_HTTP_PORT")).isTrue();
        assertThat(trainer.accepts("PINCH_STORE_ROOT")).isTrue();
        assertThat(trainer.accepts("PINCH_TRAINER_SHUTDOWN_GRACE")).isTrue();
        assertThat(trainer.accepts("PINCH_TRAINER_BUILTIN_CORPUS_VERSION")).isTrue();
        // a map-valued mapping: pinch.trainer.builtin-pretrain.<setting>
        assertThat(trainer.accepts("PINCH_TRAINER_BUILTIN_PRETRAIN_MAXSTEPS")).isTrue();
        // keys of another service or only of the test profile are not the trainer's
        assertThat(trainer.accepts("PINCH_EVALUATOR_DEVICE")).isFalse();
        assertThat(trainer.accepts("PINCH_DATASET_BUILTIN_CORPUS")).isFalse();
        assertThat(trainer.accepts("QUARKUS_CLASS_LOADING_PARENT_FIRST_ARTIFACTS")).isFalse();
        assertThat(trainer.accepts("PINCH_TRAINER")).isFalse();
        // explicitly allowed non-config variables only
        assertThat(trainer.accepts("JAVA_OPTS")).isTrue();
        assertThat(trainer.accepts("JAVA_TOOL_OPTIONS")).isFalse();
        // Kafka client settings that Quarkus passes through (kafka.*), and only those listed
        assertThat(trainer.accepts("KAFKA_SASL_JAAS_CONFIG")).isTrue();
        assertThat(trainer.accepts("KAFKA_SECURITY_PROTOCOL")).isTrue();
        assertThat(trainer.accepts("KAFKA_SASL_JASS_CONFIG")).isFalse();
        // the API token of service-support's ApiAuthConfig
        assertThat(trainer.accepts("PINCH_API_TOKEN")).isTrue();
        assertThat(trainer.accepts("PINCH_API_AUTH")).isTrue();
    }

    @Test
    void normalizesLikeSmallRyeEnvironmentVariables() {
        assertThat(ServiceConfigKeys.normalize("pinch.store.s3.path-style-access"))
                .isEqualTo("PINCH_STORE_S3_PATH_STYLE_ACCESS");
        assertThat(ServiceConfigKeys.normalize("quarkus.log.category.\"org.apache.kafka\".level"))
                .isEqualTo("QUARKUS_LOG_CATEGORY__ORG_APACHE_KAFKA__LEVEL");
    }
}
