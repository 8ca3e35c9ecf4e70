package dev.lmscore.engine.choice.format;

import dev.lmscore.engine.choice.ChoiceItem;
import dev.lmscore.engine.choice.ChoiceTask;
import dev.lmscore.engine.choice.LoadOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a reader's docs into scoreable items: adds the description and the few-shot examples before
 * each context and the target delimiter before each choice, as lm-evaluation-harness lays a prompt out:
 * <pre>description + ex₁ + fd + … + exₖ + fd + query   →   targetDelimiter + choice</pre>
 * where fd is the few-shot delimiter and each example is {@code query + targetDelimiter + gold choice}.
 */
public final class PromptAssembler {

    private PromptAssembler() {
    }

    /** The task with {@code options.numFewshot()} examples before each item. */
    public static ChoiceTask assemble(DocSet set, LoadOptions options) {
        PromptStyle style = set.style();
        boolean poolIsTheItems = set.fewshotPool() == null;
        var selector = new FewshotSelector(set.taskName(), poolIsTheItems ? set.docs() : set.fewshotPool(),
                poolIsTheItems, style, options.seed());
        var items = new ArrayList<ChoiceItem>(set.docs().size());
        for (int i = 0; i < set.docs().size(); i++) {
            Doc doc = set.docs().get(i);
            String prefix = style.description().apply(doc)
                    + examples(selector.examplesFor(doc, i, options.numFewshot()), style);
            items.add(new ChoiceItem(doc.id(), doc.requests(prefix, style.targetDelimiter()), doc.gold(),
                    doc.trueChoices(), doc.group()));
        }
        return new ChoiceTask(set.taskName(), set.kind(), items, set.format(), style.targetDelimiter(), set.report());
    }

    private static String examples(List<Doc> examples, PromptStyle style) {
        var text = new StringBuilder();
        for (Doc example : examples) {
            text.append(example.solvedExample(style.targetDelimiter())).append(style.fewshotDelimiter());
        }
        return text.toString();
    }
}
