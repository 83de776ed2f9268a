package dev.pinch.cli.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

class ExperimentSnapshotTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static final String EXPERIMENT = "{'id':'demo','published':true,'mixes':["
            + "{'id':'demo.mono-en','name':'mono-en','design':{'type':'monolingual','languages':['en']}},"
            + "{'id':'demo.pinch-p1','name':'pinch-p1','design':{'type':'pinch','languages':['en','es','zh']}},"
            + "{'id':'demo.pinch-p10','name':'pinch-p10','design':{'type':'pinch','languages':['en','es','zh']}}]}";

    @Test
    void followsEachMixFromRunToEvaluation() throws Exception {
        JsonNode runs = json("[{'runId':'r1','mixId':'demo.mono-en','state':'DONE','step':40,'totalSteps':40,"
                + "'loss':1.5,'createdAt':'2026-01-01T00:00:00Z'},"
                + "{'runId':'r2','mixId':'demo.pinch-p1','state':'RUNNING','step':10,'totalSteps':40,'loss':2.5,"
                + "'etaSeconds':30,'createdAt':'2026-01-01T00:00:01Z'}]");
        JsonNode evals = json("[{'mixId':'demo.mono-en','finalCheckpoint':false,'state':'QUEUED','pendingSxs':[]},"
                + "{'mixId':'demo.mono-en','finalCheckpoint':true,'state':'DONE','pendingSxs':['zh','en'],"
                + "'createdAt':'2026-01-01T00:01:00Z'}]");
        ExperimentSnapshot s = ExperimentSnapshot.of(json(EXPERIMENT), runs, evals,
                json("[{'name':'builtin-abc','state':'READY'}]"));

        MixStatus mono = s.mixes().get(0);
        assertThat(mono.pendingSxs()).as("zh has no monolingual mix, so only en can still arrive").containsExactly("en");
        assertThat(mono.phase()).isEqualTo("awaiting SxS baseline");
        assertThat(mono.finished()).isFalse();
        assertThat(s.mixes().get(1).phase()).isEqualTo("training");
        assertThat(s.mixes().get(1).etaSeconds()).isEqualTo(30);
        assertThat(s.mixes().get(2).phase()).isEqualTo("queued");
        assertThat(s.complete()).isFalse();
        assertThat(ProgressBoard.lines(s, 75L)).containsExactly(
                "mono-en      awaiting SxS baseline for en",
                "pinch-p1     training     [#####...............] 10/40  loss 2.500  ETA 0:30",
                "pinch-p10    queued",
                "0/3 mixes done, 1 training, 1 evaluating, 1 queued   elapsed 1:15");
    }

    @Test
    void completeWhenEveryMixIsEvaluatedOrFailed() throws Exception {
        JsonNode runs = json("[{'runId':'r1','mixId':'demo.mono-en','state':'DONE','loss':1.5},"
                + "{'runId':'r2','mixId':'demo.pinch-p1','state':'FAILED','error':'boom'},"
                + "{'runId':'r3','mixId':'demo.pinch-p10','state':'DONE'}]");
        JsonNode evals = json("[{'mixId':'demo.mono-en','finalCheckpoint':true,'state':'DONE','pendingSxs':[]},"
                + "{'mixId':'demo.pinch-p10','finalCheckpoint':true,'state':'DONE','pendingSxs':['es']}]");
        ExperimentSnapshot s = ExperimentSnapshot.of(json(EXPERIMENT), runs, evals,
                json("[{'name':'builtin-abc','state':'PRETRAINING','step':5,'totalSteps':300,'etaSeconds':600}]"));
        assertThat(s.mixes()).extracting(MixStatus::phase).containsExactly("done", "failed", "done");
        assertThat(s.mixes().get(1).error()).isEqualTo("boom");
        assertThat(s.complete()).isTrue();
        assertThat(ProgressBoard.lines(s, null).get(0)).startsWith("base model builtin-abc")
                .contains("5/300").contains("ETA 10:00");

        JsonNode notMarked = json("[{'mixId':'demo.base','finalCheckpoint':true,'state':'GENERATING'}]");
        assertThat(ExperimentSnapshot.of(json(EXPERIMENT), runs, ((ArrayNode) evals.deepCopy())
                .addAll((ArrayNode) notMarked), json("[]")).baseEvaluation())
                .as("only the evaluator's baseModel flag marks the base row, not its id").isNull();
        JsonNode baseRunning = json("[{'mixId':'demo.base','finalCheckpoint':true,'state':'GENERATING',"
                + "'baseModel':true}]");
        ArrayNode withBase = ((ArrayNode) evals.deepCopy()).addAll((ArrayNode) baseRunning);
        assertThat(ExperimentSnapshot.of(json(EXPERIMENT), runs, withBase, json("[]")).complete())
                .as("the base model's evaluation is still running: the report is not final").isFalse();
        ((com.fasterxml.jackson.databind.node.ObjectNode) withBase.get(withBase.size() - 1)).put("state", "DONE");
        assertThat(ExperimentSnapshot.of(json(EXPERIMENT), runs, withBase, json("[]")).complete()).isTrue();

        JsonNode unpublished = json(EXPERIMENT.replace("'published':true", "'published':false"));
        assertThat(ExperimentSnapshot.of(unpublished, runs, evals, json("[]")).complete()).isFalse();
    }

    @Test
    void clockFormatsMinutesAndHours() {
        assertThat(ProgressBoard.clock(59)).isEqualTo("0:59");
        assertThat(ProgressBoard.clock(754)).isEqualTo("12:34");
        assertThat(ProgressBoard.clock(3725)).isEqualTo("1:02:05");
    }

    @Test
    void anExperimentWithSeedsHasOneEntryPerMixAndSeed() throws Exception {
        String experiment = "{'id':'s','published':true,'spec':{'seeds':[1,2]},'mixes':["
                + "{'id':'s.mono-en','name':'mono-en','design':{'type':'monolingual','languages':['en']}}]}";
        JsonNode runs = json("[{'runId':'s.mono-en.seed1.abc','mixId':'s.mono-en','seed':1,'state':'DONE',"
                + "'createdAt':'2026-01-01T00:00:00Z'},{'runId':'s.mono-en.seed2.abc','mixId':'s.mono-en','seed':2,"
                + "'state':'RUNNING','step':3,'totalSteps':40,'createdAt':'2026-01-01T00:00:01Z'}]");
        JsonNode evals = json("[{'mixId':'s.mono-en','seed':1,'finalCheckpoint':true,'state':'DONE','pendingSxs':[],"
                + "'createdAt':'2026-01-01T00:01:00Z'}]");
        ExperimentSnapshot s = ExperimentSnapshot.of(json(experiment), runs, evals, json("[]"));

        assertThat(s.mixes()).extracting(MixStatus::name).containsExactly("mono-en seed 1", "mono-en seed 2");
        assertThat(s.mixes()).extracting(MixStatus::runId).containsExactly("s.mono-en.seed1.abc", "s.mono-en.seed2.abc");
        assertThat(s.mixes()).extracting(MixStatus::phase).containsExactly("done", "training");
        assertThat(s.complete()).isFalse();
    }
}
