package org.speedsim.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens {@code report.html} in headless Chromium (Debian's {@code /usr/bin/chromium}, which the build installs with
 * {@code reports/setup-browser} before this module's tests; never skipped, so a missing browser fails) with the
 * network unused, and checks from inside the page that every image decoded and no error occurred: a script injected
 * into a copy of the report writes its findings into the DOM, which {@code --dump-dom} prints.
 */
class ReportBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static final String PROBE = "<script>window.probeErrors=[];"
            + "window.addEventListener('error',function(e){window.probeErrors.push(String(e.message||e.type));},true);"
            + "window.addEventListener('load',function(){var im=document.images,ok=0;"
            + "for(var i=0;i<im.length;i++){if(im[i].complete&&im[i].naturalWidth>0){ok++;}}"
            + "var d=document.createElement('div');d.id='probe';d.textContent='images='+im.length+' decoded='+ok"
            + "+' errors='+window.probeErrors.length;document.body.appendChild(d);});</script>";

    @TempDir
    Path tmp;

    @Test
    void opensInAHeadlessBrowserWithEveryImageDecodedAndNoError() throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is not installed: run reports/setup-browser (the "
                + "Maven build runs it before these tests unless -Dbrowser.setup.skip=true)");
        Report.Written w = ReportTest.twoScenarios(tmp, new ReportOptions(400, 300, List.of()));
        String html = Files.readString(w.html());
        Path probed = tmp.resolve("probed.html");
        Files.writeString(probed, html.replaceFirst("<head>", "<head>" + Matcher.quoteReplacement(PROBE)));
        Process p = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + tmp.resolve("profile"), "--virtual-time-budget=10000",
                "--dump-dom", probed.toUri().toString())
                .redirectError(tmp.resolve("chromium.err").toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        String dom = new String(out, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("<div id=\"probe\">images=(\\d+) decoded=(\\d+) errors=(\\d+)</div>").matcher(dom);
        assertTrue(m.find(), () -> "no probe result in the DOM; exit " + p.exitValue() + ", stderr: "
                + readQuietly(tmp.resolve("chromium.err")));
        int images = Integer.parseInt(m.group(1));
        assertEquals(w.charts().size() / 2, images);
        assertEquals(images, Integer.parseInt(m.group(2)), "every image decoded");
        assertEquals(0, Integer.parseInt(m.group(3)), "no error in the page");
    }

    private static String readQuietly(Path f) {
        try {
            return Files.readString(f);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
