package dev.pinch.support.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import dev.pinch.events.Violation;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    record Body(int budget) {
    }

    @Test
    void aServiceProblemKeepsItsStatusKindAndEveryViolation() {
        var e = new ProblemException("invalid-experiment", "Invalid experiment spec",
                List.of(new Violation("training.learningRate", "must be > 0"), new Violation("budget", "too big")));
        Problem problem = entity(mappers.problem(e), 400);
        assertThat(problem.type()).isEqualTo("urn:pinch:problem:invalid-experiment");
        assertThat(problem.title()).isEqualTo("Invalid experiment spec");
        assertThat(problem.detail()).isEqualTo("training.learningRate: must be > 0; budget: too big");
        assertThat(problem.violations()).extracting(Violation::field).containsExactly("training.learningRate", "budget");
    }

    @Test
    void jaxRsErrorsBecomeProblemsOfTheirStatus() {
        assertThat(entity(mappers.webApplication(new NotFoundException("no run 'x'")), 404))
                .extracting(Problem::type, Problem::title, Problem::detail)
                .containsExactly("urn:pinch:problem:not-found", "Not Found", "no run 'x'");
        assertThat(entity(mappers.webApplication(new NotAllowedException("GET")), 405).type())
                .isEqualTo("urn:pinch:problem:method-not-allowed");
    }

    @Test
    void anUnknownFieldIsNamedByItsPath() {
        var mapper = new ObjectMapper();
        try {
            mapper.readValue("{\"budget\": 1, \"budgett\": 2}", Body.class);
        } catch (UnrecognizedPropertyException e) {
            Problem problem = entity(mappers.malformedBody(e), 400);
            assertThat(problem.violations()).singleElement().satisfies(v -> {
                assertThat(v.field()).isEqualTo("budgett");
                assertThat(v.reason()).startsWith("unknown field 'budgett'");
            });
            return;
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("the unknown field was accepted");
    }

    @Test
    void anUnexpectedFailureIsA500ThatTellsNothingOfIt() {
        Problem problem = entity(mappers.unexpected(new IllegalStateException("token=hunter2")), 500);
        assertThat(problem.type()).isEqualTo("urn:pinch:problem:internal-error");
        assertThat(problem.detail()).doesNotContain("hunter2");
        assertThat(problem.violations()).isEmpty();
    }

    private static Problem entity(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType()).hasToString("application/problem+json");
        assertThat(response.getEntity()).isInstanceOf(Problem.class);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.status()).isEqualTo(status);
        return problem;
    }
}
