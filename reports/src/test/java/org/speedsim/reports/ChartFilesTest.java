package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** SVG files that scale and that are the same bytes every time the same chart is written. */
class ChartFilesTest {

    @TempDir
    Path tmp;

    private Map<String, Bands> groups() throws Exception {
        var reps = ScenarioResults.load(Fixtures.scenario(tmp.resolve("runs"), "s", 3)).replications();
        Map<String, Bands> groups = new LinkedHashMap<>();
        groups.put("leechers", Bands.of(reps, "leechers"));
        groups.put("seeds", Bands.of(reps, "seeds"));
        return groups;
    }

    @Test
    void twoWritesOfTheSameChartGiveIdenticalSvgBytes() throws Exception {
        Map<String, Bands> groups = groups();
        ChartFiles.Written first = ChartFiles.write(Charts.timeSeries("Peers", "peers online", groups),
                tmp.resolve("a"), "population", 640, 400);
        Thread.sleep(5);
        ChartFiles.Written second = ChartFiles.write(Charts.timeSeries("Peers", "peers online", groups),
                tmp.resolve("b"), "population", 640, 400);
        String text = Files.readString(first.svg());
        Matcher ids = Pattern.compile("id=['\"]([^'\"]+)['\"]").matcher(text);
        assertTrue(ids.find(), "the chart defines ids (clip paths), so the test can see them change");
        assertArrayEquals(Files.readAllBytes(first.svg()), Files.readAllBytes(second.svg()));
        assertTrue(ids.group(1).startsWith(ChartFiles.DEFS_PREFIX), ids.group(1));
    }

    @Test
    void theSvgHasAViewBoxOfItsSizeAndKeepsItsDefaultSize() throws Exception {
        ChartFiles.Written w = ChartFiles.write(Charts.timeSeries("Peers", "peers online", groups()), tmp,
                "population", 900, 560);
        Element svg = Xml.parse(w.svg()).getDocumentElement();
        String[] box = svg.getAttribute("viewBox").trim().split("[ ,]+");
        assertEquals(4, box.length, svg.getAttribute("viewBox"));
        double[] expected = {0, 0, 900, 560};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], Double.parseDouble(box[i]), "viewBox " + svg.getAttribute("viewBox"));
        }
        assertEquals(900, Double.parseDouble(svg.getAttribute("width")));
        assertEquals(560, Double.parseDouble(svg.getAttribute("height")));
        assertFalse(Files.readString(w.svg()).contains("DOCTYPE"), "no DTD to fetch");
    }
}
