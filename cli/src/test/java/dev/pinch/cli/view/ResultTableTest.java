package dev.pinch.cli.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    static final String REPORT = ("{'experimentId':'demo','languages':['en','es','zh'],'matrices':{"
            + "'sxs':{'metric':'sxs','title':'SxS vs monolingual (%)','rows':['mono-en','pinch-p1','pinch-p100'],"
            + "'columns':['en','es','zh'],'values':[[50.0,10.0,20.0],[48.0,30.0,null],[40.0,45.5,44.5]]},"
            + "'task':{'metric':'task','title':'task score','rows':['mono-en'],'columns':['en','es','zh'],"
            + "'values':[[33.3,5.0,7.0]]}},"
            + "'sweepCurves':[{'design':'pinch','series':'base (en)','points':[]}],'notes':['n1']}").replace('\'', '"');

    @Test
    void rendersOneTablePerMetricWithTheNonBaseMeanAndTheDirection() throws Exception {
        List<String> lines = ResultTable.render(new ObjectMapper().readTree(REPORT));
        assertThat(lines).containsSubsequence(
                "SxS vs monolingual (%)",
                "mix                   en    es    zh  non-en",
                "mono-en (P=0)       50.0  10.0  20.0    15.0",
                "pinch-p1 (P=1)      48.0  30.0     -    30.0",
                "pinch-p100 (P=100)  40.0  45.5  44.5    45.0",
                "",
                "task score",
                "mono-en (P=0)  33.3  5.0  7.0     6.0",
                "note: n1",
                "P=1 vs P=0 on non-en languages (SxS vs monolingual (%)): 30.0 vs 15.0, P=1 is better by 15.0 "
                        + "(the paper's direction)");
    }

    @Test
    void noDirectionWithoutBothRows() throws Exception {
        var report = new ObjectMapper().readTree(REPORT.replace("pinch-p1\"", "pinch-p2\""));
        assertThat(ResultTable.render(report)).noneMatch(l -> l.startsWith("P=1 vs P=0"));
    }
}
