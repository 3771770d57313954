package io.wsscan.testing;

import io.wsscan.engine.ScanResult;
import io.wsscan.report.Formats;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.TreeMap;

/** Every report of a scan as one text, for tests that two scans report the same byte for byte. */
public final class Reports {

    private Reports() {
    }

    /** The SARIF, JSON and text reports, then the inventory entries, front ends and file classes. */
    public static String all(ScanResult r) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (Formats f : List.of(Formats.SARIF, Formats.JSON, Formats.TEXT)) {
            StringWriter w = new StringWriter();
            f.write(r, new Formats.Options("wsscan/", false), w);
            sb.append(w).append("\n----\n");
        }
        return sb.append(r.endpoints()).append(new TreeMap<>(r.frontEnds())).append(new TreeMap<>(r.classes())).toString();
    }
}
