package dev.lmscore.engine.choice;

public record ChoiceRequest(String context, String continuation) {}
