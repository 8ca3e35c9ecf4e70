package dev.lmscore.engine.choice;

import java.util.List;

public record ChoiceItem(String id, List<ChoiceRequest> choices, int gold, List<Integer> trueChoices, String group) {}
