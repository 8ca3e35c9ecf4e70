package dev.lmscore.cli;

import java.io.PrintStream;
import java.util.Map;

/** Where a command's JSON report goes: stdout with --json, and/or the --output file (atomically). */
final class ReportOutput {
    private ReportOutput() {}

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
