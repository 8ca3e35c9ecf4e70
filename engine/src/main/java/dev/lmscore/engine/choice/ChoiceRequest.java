package dev.lmscore.engine.choice;

import java.util.Objects;

/**
 * One (context, continuation) pair to score: log P(continuation | context).
 *
 * <p>The continuation carries its own leading delimiter (usually one space), exactly the string whose
 * tokens are scored; the context is everything before it, few-shot examples included.
 */
public record ChoiceRequest(String context, String continuation) {
    public ChoiceRequest {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(continuation, "continuation");
    }
}
