package dev.lmscore.engine.choice.format;

import java.util.ArrayList;
import java.util.List;

/**
 * MMLU's standard prompt (Hendrycks et al., and lm-evaluation-harness's {@code mmlu} default), shared
 * by its CSV and JSON readers: a header naming the subject once, then per question
 * "{question}\nA. {a}\nB. {b}\nC. {c}\nD. {d}\nAnswer:", scored on the letters " A" … " D".
 */
final class MmluPrompt {

    private MmluPrompt() {
    }

    /** The header put once before the examples and the question. */
    static String description(Doc doc) {
        String subject = doc.group() == null ? "" : doc.group().replace('_', ' ');
        return "The following are multiple choice questions (with answers) about " + subject + ".\n\n";
    }

    /** The style: MMLU's header, and few-shot examples taken in order from the same subject's dev split. */
    static PromptStyle style() {
        return PromptStyle.standard().withDescription(MmluPrompt::description).withSampler(FewshotSampler.FIRST_N, true);
    }

    /** A question as a doc whose choices are the letters. */
    static Doc doc(String id, String question, List<String> options, int gold, String subject) {
        if (options.isEmpty()) {
            throw new BadRecordException("empty choice list");
        }
        var prompt = new StringBuilder(PyText.strip(question));
        var letters = new ArrayList<String>(options.size());
        for (int i = 0; i < options.size(); i++) {
            String letter = letter(i);
            letters.add(letter);
            prompt.append('\n').append(letter).append(". ").append(options.get(i));
        }
        prompt.append("\nAnswer:");
        return Doc.choice(id, prompt.toString(), letters, gold, subject);
    }

    /** The answer as an index: a letter A… or an integer index. */
    static int answerIndex(String answer, int choices) {
        String a = PyText.strip(answer);
        if (a.length() == 1 && Character.isLetter(a.charAt(0))) {
            int index = Character.toUpperCase(a.charAt(0)) - 'A';
            if (index >= 0 && index < choices) {
                return index;
            }
            throw new BadRecordException("answer '" + a + "' is not one of the letters A-" + letter(choices - 1));
        }
        try {
            return Integer.parseInt(a);
        } catch (NumberFormatException e) {
            throw new BadRecordException("answer should be a letter or an index, got '" + answer + "'");
        }
    }

    private static String letter(int i) {
        return String.valueOf((char) ('A' + i));
    }
}
