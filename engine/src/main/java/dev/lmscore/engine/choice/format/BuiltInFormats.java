package dev.lmscore.engine.choice.format;

import java.util.List;

/** The readers lmscore knows, in the order a file is tried against them when no task is named. */
public final class BuiltInFormats {

    private BuiltInFormats() {
    }

    /**
     * All readers, most specific first: task files and binary or text layouts before JSON records, and
     * among JSON records the narrower key sets first (CommonsenseQA before ARC, whose keys it has too).
     */
    public static List<TaskFormat> all() {
        return List.of(
                new UserTaskFormat(),
                new LlamaCppMultipleChoiceFormat(),
                new MmluCsvFormat(),
                new WinograndeCsvFormat(),
                new HellaSwagTextFormat(),
                new HellaSwagJsonFormat(),
                new CommonsenseQaFormat(),
                new OpenBookQaFormat(),
                new MmluJsonFormat(),
                TruthfulQaFormat.mc1(),
                TruthfulQaFormat.mc2(),
                new WinograndeJsonFormat(),
                new PiqaFormat(),
                new BoolqFormat(),
                new CopaFormat(),
                new SiqaFormat(),
                new LambadaFormat(),
                new ArcFormat(),
                new GenericFormats.MultipleChoice(),
                new GenericFormats.Partial(),
                new GenericFormats.Greedy());
    }
}
