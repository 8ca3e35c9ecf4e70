package dev.lmscore.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a command's JSON report goes: stdout with --json, and/or the --output file (atomically). */
final class ReportOutput {
    private ReportOutput() {}

    /**
     * The fields a scoring command's report starts with: what ran, on which model and settings, and
     * which part of which run (merge checks the identity and shard). Not yet interrupted.
     */
    static Map<String, Object> header(String command, Map<String, Object> model, Map<String, Object> settings,
                                      Map<String, Object> identity, RunControlMixin control) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("command", command);
        report.put("model", model);
        report.put("settings", settings);
        report.put("identity", identity);
        report.put("shard", control.shardReport());
        report.put("interrupted", false);
        return report;
    }

    static void emit(Map<String, Object> report, boolean json, RunControlMixin control, PrintStream out) {
        String rendered = Json.write(report);
        if (control.output != null) {
            OutputFile.writeAtomically(control.output, rendered + "\n");
        }
        if (json) {
            out.println(rendered);
            out.flush();
        }
    }
}
