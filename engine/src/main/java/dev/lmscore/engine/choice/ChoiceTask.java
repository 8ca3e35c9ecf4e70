package dev.lmscore.engine.choice;

import java.util.List;

public record ChoiceTask(String name, ScoringKind kind, List<ChoiceItem> items) {}
