package dev.lmscore.engine.kld;

import dev.lmscore.engine.ExitCode;
import dev.lmscore.engine.LmscoreException;
import dev.lmscore.engine.llama.Model;
import dev.lmscore.engine.llama.Vocabulary;

/**
 * KL divergence compares distributions token by token, so the two models must index the same
 * tokens: same size, same token strings, same BOS. Checked before anything is decoded.
 */
final class SameVocabulary {
    private SameVocabulary() {}

    static void require(Model base, Model model) {
        Vocabulary a = base.vocabulary();
        Vocabulary b = model.vocabulary();
        String names = base.path().getFileName() + " and " + model.path().getFileName();
        if (a.size() != b.size()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, names + " have different vocabularies ("
                    + a.size() + " vs " + b.size() + " tokens); KL divergence needs the same tokens");
        }
        if (a.bos() != b.bos() || a.addsBos() != b.addsBos()) {
            throw new LmscoreException(ExitCode.BAD_INPUT, names + " have different BOS handling; KL divergence needs the same tokenizer");
        }
        for (int t = 0; t < a.size(); t++) {
            if (!a.tokenText(t).equals(b.tokenText(t))) {
                throw new LmscoreException(ExitCode.BAD_INPUT, names + " have different vocabularies (token " + t
                        + " is '" + a.tokenText(t) + "' vs '" + b.tokenText(t) + "'); KL divergence needs the same tokens");
            }
        }
    }
}
