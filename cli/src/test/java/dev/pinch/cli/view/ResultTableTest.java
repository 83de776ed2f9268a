package dev.pinch.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    static final String REPORT = ("{'experimentId':'demo','baseLanguage':'en','languages':['en','es','zh'],"
            + "'method':{'name':'percentile bootstrap','level':0.95,'resamples':2000},'matrices':{"
            + "'sxs':{'metric':'sxs','title':'SxS vs monolingual (%)','rows':['mono-en','pinch-p1','pinch-p100'],"
            + "'columns':['en','es','zh'],'values':[[50.0,10.0,20.0],[48.0,30.0,null],[40.0,45.5,44.5]],"
            + "'intervals':[[{'value':50.0,'low':50.0,'high':50.0},{'value':10.0,'low':4.0,'high':17.0},"
            + "{'value':20.0,'low':12.0,'high':28.0}],[{'value':48.0},{'value':30.0,'low':20.0,'high':40.0},null],"
            + "[{'value':40.0},{'value':45.5},{'value':44.5}]],"
            + "'nonBaseMeans':[{'value':15.0,'low':9.0,'high':21.0},{'value':30.0,'low':20.0,'high':40.0},"
            + "{'value':45.0}],'seeds':[1,3,1]},"
            + "'task':{'metric':'task','title':'task score','rows':['mono-en'],'columns':['en','es','zh'],"
            + "'values':[[33.3,5.0,7.0]],'intervals':[[null,null,null]],'nonBaseMeans':[{'value':6.0}]},"
            + "'task:topic':{'metric':'task:topic','title':'task score: topic','rows':['mono-en'],"
            + "'columns':['en','es','zh'],'values':[[61.0,40.0,null]],"
            + "'intervals':[[{'value':61.0,'low':51.0,'high':71.0},null,null]],'nonBaseMeans':[{'value':40.0}]},"
            + "'degenerate':{'metric':'degenerate','title':'degenerate responses (%)','rows':['mono-en'],"
            + "'columns':['en','es','zh'],'values':[[null,null,null]]}},"
            + "'findings':[%s],"
            + "'sweepCurves':[{'design':'pinch','series':'base (en)','points':[]}],'notes':['n1']}").replace('\'', '"');

    static final String P1 = "{'key':'p1-helps-non-base','claim':'A pinch helps','verdict':'%s',"
            + "'statistic':'non-en mean of sxs pinch-p1 − mono-en: +15.0 [4.1, 25.9], p 0.008; threshold 0.0'}";

    static JsonNode report(String verdict) throws Exception {
        return new ObjectMapper().readTree(REPORT.replace("%s", P1.formatted(verdict).replace('\'', '"')));
    }

    @Test
    void rendersOneTablePerMetricWithHalfIntervalsAndTheFindings() throws Exception {
        List<String> lines = ResultTable.render(report("SUPPORTED"));
        assertThat(lines).containsSubsequence(
                "SxS vs monolingual (%)",
                "pinch-p1 (P=1) ×3 seeds      48.0  30.0±10.0         -  30.0±10.0",
                "",
                "task score",
                "mono-en (P=0)  33.3  5.0  7.0     6.0",
                "± is half the width of the 95% confidence interval (percentile bootstrap, 2000 resamples over"
                        + " prompts); the HTML report has the intervals.",
                "note: n1",
                "Findings of the paper, checked on this experiment (95% CIs):",
                "  ✔ supported     A pinch helps",
                "Verdict: P=1 beats P=0 outside en: ✔ supported, non-en mean of sxs pinch-p1 − mono-en: +15.0 [4.1,"
                        + " 25.9], p 0.008; threshold 0.0");
        assertThat(lines).anyMatch(l -> l.startsWith("mono-en (P=0)") && l.contains("10.0±6.5")
                && l.contains("15.0±6.0"));
        assertThat(lines).noneMatch(l -> l.startsWith("degenerate")).as("a metric without values has no table");
        int topic = lines.indexOf("task score: topic");
        assertThat(topic).as("each task's own table, after the fixed metrics").isGreaterThan(lines.indexOf("task score"));
        assertThat(lines.get(topic + 2)).startsWith("mono-en (P=0)").contains("61.0±10.0").contains("40.0")
                .contains("-");
    }

    @Test
    void theVerdictNeverClaimsMoreThanTheInterval() throws Exception {
        assertThat(ResultTable.render(report("INCONCLUSIVE")).getLast())
                .startsWith("Verdict: P=1 vs P=0 outside en: inconclusive, these data do not show a difference")
                .contains("[4.1, 25.9]").doesNotContain("beats");
        assertThat(ResultTable.render(report("CONTRADICTED")).getLast())
                .startsWith("Verdict: P=1 does worse than P=0 outside en: ✘ contradicted");
        assertThat(ResultTable.render(report("NOT_ADDRESSED")).getLast()).contains("not addressed");
    }

    @Test
    void noVerdictWithoutTheFinding() throws Exception {
        var report = new ObjectMapper().readTree(REPORT.replace("%s", "").replace('\'', '"'));
        assertThat(ResultTable.render(report)).noneMatch(l -> l.startsWith("Verdict"));
    }

    @Test
    void classificationAnswersAgainstOneConstantAnswerPerTask() throws Exception {
        String checks = ",'answerChecks':["
                + "{'mix':'mono-en','language':'en','task':'topic','distinctAnswers':1,'constantAnswer':'travel',"
                + "'constantAccuracy':44.44,'overConstant':{'value':-44.4,'low':-77.8,'high':-11.1,'p':0.03},"
                + "'reading':'below'},"
                + "{'mix':'mono-en','language':'es','task':'topic','distinctAnswers':3,'constantAnswer':'viajes',"
                + "'constantAccuracy':44.44,'overConstant':{'value':0.0,'low':-30.0,'high':30.0,'p':1.0},"
                + "'reading':'indistinguishable'},"
                + "{'mix':'pinch-p1','language':'en','task':'topic','distinctAnswers':5,'constantAnswer':'travel',"
                + "'constantAccuracy':44.44,'overConstant':{'value':33.3,'low':11.1,'high':55.5,'p':0.01},"
                + "'reading':'above'}]}";
        String json = REPORT.replace("%s", "").replaceFirst("}$", checks).replace('\'', '"');
        List<String> lines = ResultTable.render(new ObjectMapper().readTree(json));
        int at = lines.indexOf("topic: accuracy minus always giving one answer (points) [distinct answers]");
        assertThat(at).as("after the matrices").isGreaterThan(lines.indexOf("task score: topic"));
        assertThat(lines.subList(at + 1, at + 6)).containsExactly(
                "mix                          en             es  zh",
                "mono-en (P=0)   -44.4±33.4* [1]  +0.0±30.0 [3]   -",
                "pinch-p1 (P=1)  +33.3±22.2* [5]              -   -",
                "the one answer, and what it scores: en 'travel' 44.4, es 'viajes' 44.4; * the interval clears 0 with"
                        + " p < 0.05",
                "");
        assertThat(ResultTable.render(report("SUPPORTED"))).as("no table without checks")
                .noneMatch(l -> l.contains("always giving one answer"));
    }
}
