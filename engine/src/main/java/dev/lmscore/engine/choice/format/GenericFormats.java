package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ScoringKind;

import java.util.Set;

/**
 * The generic JSONL forms that MosaicML's llm-foundry publishes its evaluation sets in (the files of
 * {@code data/eval/mc/}): a query and choices, alternative contexts and one continuation, or a context
 * and the continuation to predict. One space goes between context and continuation, as those files
 * expect. They answer to no task name of their own: a file in one of these forms is read by them
 * under its name (its file name, or the name given).
 */
public final class GenericFormats {

    private GenericFormats() {
    }

    /** {@code {"query", "choices", "gold"}}: continuation i = " " + choices[i]. */
    public static final class MultipleChoice extends JsonDocFormat {

        public MultipleChoice() {
            super("generic-mc-jsonl", ScoringKind.MULTIPLE_CHOICE, PromptStyle.standard());
        }

        @Override
        protected boolean recognizesKeys(Set<String> keys) {
            return hasAll(keys, "query", "choices", "gold");
        }

        @Override
        protected Doc toDoc(JsonRecord record, int position) {
            return Doc.choice(Integer.toString(position), record.text("query"), record.textList("choices"),
                    record.integer("gold"), null);
        }
    }

    /** {@code {"context_options", "continuation", "gold"}}: context i = context_options[i], shared " " + continuation. */
    public static final class Partial extends JsonDocFormat {

        public Partial() {
            super("generic-partial-jsonl", ScoringKind.PARTIAL, PromptStyle.standard());
        }

        @Override
        protected boolean recognizesKeys(Set<String> keys) {
            return hasAll(keys, "context_options", "continuation", "gold");
        }

        @Override
        protected Doc toDoc(JsonRecord record, int position) {
            return Doc.partial(Integer.toString(position), record.textList("context_options"),
                    record.text("continuation"), record.integer("gold"), null);
        }
    }

    /** {@code {"context", "continuation"}}: correct when " " + continuation is the greedy completion. */
    public static final class Greedy extends JsonDocFormat {

        public Greedy() {
            super("generic-greedy-jsonl", ScoringKind.GREEDY, PromptStyle.standard());
        }

        @Override
        protected boolean recognizesKeys(Set<String> keys) {
            return hasAll(keys, "context", "continuation") && !keys.contains("context_options");
        }

        @Override
        protected Doc toDoc(JsonRecord record, int position) {
            return Doc.greedy(Integer.toString(position), record.text("context"), record.text("continuation"), null);
        }
    }
}
