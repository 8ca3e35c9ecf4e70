package dev.lmscore.engine.choice;

public enum ScoringKind { MULTIPLE_CHOICE, PARTIAL, GREEDY, MC2 }
