package dev.pinch.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardQueriesTest {

    @Test
    void keepsMetricNamesAndDropsFunctionsLabelsStringsVariablesAndDurations() {
        assertThat(DashboardQueries.metricNamesOf(
                "sum by (judge) (rate(pinch_judge_latency_seconds_sum{judge=~\"$judge\", outcome=\"ok\"}[$__rate_interval]))"
                        + " / sum by (judge) (rate(pinch_judge_latency_seconds_count[5m]))"))
                .containsExactlyInAnyOrder("pinch_judge_latency_seconds_sum", "pinch_judge_latency_seconds_count");
        assertThat(DashboardQueries.metricNamesOf(
                "histogram_quantile(0.95, sum without (instance) (rate(http_server_requests_seconds_bucket[1h:5m] offset 1d)))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(DashboardQueries.metricNamesOf(
                "max(pinch_training_loss{run=~\"${run}\"}) * on (run) group_left (mix) pinch_run_info > bool 1e3"
                        + " and ignoring (device) up == 0x1F or vector(1)"))
                .containsExactlyInAnyOrder("pinch_training_loss", "pinch_run_info", "up");
        assertThat(DashboardQueries.metricNamesOf("label_replace(foo:rate5m, \"dst\", \"$1\", \"src\", \"(.*)\") * 100"))
                .containsExactly("foo:rate5m");
        assertThat(DashboardQueries.metricNamesOf("sum(increase(pinch_dlq_messages_total[$__range])) by (topic)"))
                .containsExactly("pinch_dlq_messages_total");
    }

    @Test
    void collectsTheExpressionsOfEveryPanelIncludingPanelsNestedInRows(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.json"), """
                {"uid": "a", "panels": [
                  {"type": "timeseries", "targets": [{"expr": "rate(a_total[5m])"}, {"expr": ""}]},
                  {"type": "row", "panels": [{"type": "stat", "targets": [{"expr": "b_seconds_max{x=\\"y\\"}"}]}]}]}
                """);
        Files.writeString(dir.resolve("b.json"), """
                {"uid": "b", "panels": [{"type": "stat", "targets": [{"expr": "sum by (l) (c)"}]}]}
                """);
        Files.writeString(dir.resolve("notes.txt"), "rate(ignored[5m])");
        assertThat(DashboardQueries.metricNames(dir)).containsExactly("a_total", "b_seconds_max", "c");
    }
}
