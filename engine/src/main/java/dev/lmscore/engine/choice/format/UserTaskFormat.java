package dev.lmscore.engine.choice.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.lmscore.engine.choice.ChoiceFormatException;
import dev.lmscore.engine.choice.ScoringKind;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A task the user describes in a small JSON or YAML file, in the spirit of lm-evaluation-harness's task
 * YAML: where the items are and how to turn one into a prompt. For example:
 * <pre>
 * task: arc_mini                       # optional; default: the task file's name
 * data: arc_mini.jsonl                 # JSONL, JSON array or CSV with a header, relative to this file
 * kind: multiple_choice                # multiple_choice (default), partial, greedy or mc2
 * description: "Science questions.\n\n" # optional literal text, once before the examples and the item
 * doc_to_text: "Question: {{question}}\nAnswer:"
 * doc_to_choice: choices.text          # a field holding a list, "{{field}}", or a list of templates
 * doc_to_target: answerKey             # field/template: an index, a label, or the correct choice's text
 * choice_labels: choices.label         # optional: a field holding labels, or a list; the target is looked up here
 * target_delimiter: " "                # default " "
 * fewshot_delimiter: "\n\n"            # default a blank line
 * fewshot_split: arc_mini_train.jsonl  # optional few-shot pool, same layout as data
 * fewshot_sampler: random              # random (default) or first_n
 * group: "{{subject}}"                 # optional, for per-group averages
 * id: id                               # optional, default the record's position
 * </pre>
 * A bare name is a field; text with {@code {{…}}} is a {@link Template}. Kinds other than multiple
 * choice read the keys so: {@code partial}: doc_to_choice gives the alternative contexts, doc_to_target
 * the shared continuation, doc_to_gold the index (or label) of the right context; {@code greedy}:
 * doc_to_text the context, doc_to_target the continuation; {@code mc2}: doc_to_target a list of 0/1
 * flags (one per choice) or of indices of the true choices.
 */
public final class UserTaskFormat implements TaskFormat {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> KEYS = Set.of("task", "data", "kind", "description", "doc_to_text",
            "doc_to_choice", "doc_to_target", "doc_to_gold", "choice_labels", "target_delimiter",
            "fewshot_delimiter", "fewshot_split", "fewshot_sampler", "group", "id");

    @Override
    public String id() {
        return "user-task";
    }

    @Override
    public List<String> taskNames() {
        return List.of();
    }

    @Override
    public boolean recognizes(FileSample sample) {
        String ext = sample.extension();
        if (ext.equals("yaml") || ext.equals("yml")) {
            return true;
        }
        return sample.wholeObject().map(o -> o.has("doc_to_text") || o.has("doc_to_choice")).orElse(false);
    }

    @Override
    public DocSet read(Path taskFile, String taskName, ReadContext context) {
        Spec spec = Spec.read(taskFile);
        String name = taskName != null ? taskName : spec.name;
        Path dataFile = taskFile.toAbsolutePath().getParent().resolve(spec.data);
        var docs = readDocs(dataFile, spec, context.badLines());
        // The --fewshot-file option wins over the task file's own fewshot_split.
        Path poolFile = context.options().fewshotFile() != null ? context.options().fewshotFile()
                : spec.fewshotSplit == null ? null : taskFile.toAbsolutePath().getParent().resolve(spec.fewshotSplit);
        List<Doc> pool = null;
        var poolBadLines = new BadLines(context.options().skipBadLines());
        if (poolFile != null && context.options().numFewshot() > 0) {
            pool = readDocs(poolFile, spec, poolBadLines);
        }
        return new DocSet(name, id(), spec.kind, docs, spec.style, pool,
                context.badLines().report().plus(poolBadLines.report()));
    }

    @Override
    public boolean readsFewshotFileItself() {
        return true;
    }

    /** The task name a task file gives itself: its {@code task} key, else the file's name without extension. */
    public static String declaredName(Path taskFile) {
        return Spec.read(taskFile).name;
    }

    private static List<Doc> readDocs(Path dataFile, Spec spec, BadLines badLines) {
        var docs = new ArrayList<Doc>();
        int[] position = {0};
        RecordSource.forEach(dataFile, (line, parse) -> {
            int at = position[0]++;
            badLines.attempt(dataFile, line, () -> spec.toDoc(parse.get(), at)).ifPresent(docs::add);
        });
        return docs;
    }

    /** A parsed task file. */
    private record Spec(String name, Path data, ScoringKind kind, PromptStyle style,
                        FieldOrTemplate text, FieldOrTemplate choiceField, List<Template> choiceList,
                        FieldOrTemplate target, FieldOrTemplate gold, FieldOrTemplate labelField,
                        List<String> labelList, Path fewshotSplit, FieldOrTemplate group, FieldOrTemplate idSpec) {

        static Spec read(Path taskFile) {
            ObjectNode root = parse(taskFile);
            var errors = new SpecErrors(taskFile);
            root.fieldNames().forEachRemaining(key -> {
                if (!KEYS.contains(key)) {
                    throw errors.problem("unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
                }
            });
            ScoringKind kind = errors.kind(optionalText(root, "kind", "multiple_choice"));
            String name = optionalText(root, "task", stem(taskFile));
            Path data = Path.of(errors.required(root, "data"));
            FewshotSampler sampler = switch (optionalText(root, "fewshot_sampler", "random")) {
                case "random" -> FewshotSampler.RANDOM;
                case "first_n" -> FewshotSampler.FIRST_N;
                default -> throw errors.problem("fewshot_sampler should be random or first_n");
            };
            // Literal text: it comes once before the few-shot examples, so it cannot depend on one record.
            String description = optionalText(root, "description", "");
            PromptStyle style = PromptStyle.standard()
                    .withTargetDelimiter(optionalText(root, "target_delimiter", " "))
                    .withFewshotDelimiter(optionalText(root, "fewshot_delimiter", "\n\n"))
                    .withSampler(sampler, false)
                    .withDescription(doc -> description);

            FieldOrTemplate text = kind == ScoringKind.PARTIAL ? null : errors.field(root, "doc_to_text", true);
            FieldOrTemplate choiceField = null;
            List<Template> choiceList = null;
            if (kind != ScoringKind.GREEDY) {
                JsonNode choices = root.get("doc_to_choice");
                if (choices == null || choices.isNull()) {
                    throw errors.problem("missing key 'doc_to_choice'");
                } else if (choices.isArray()) {
                    choiceList = new ArrayList<>();
                    for (JsonNode c : choices) {
                        choiceList.add(errors.template("doc_to_choice", c.asText()));
                    }
                } else {
                    choiceField = errors.field(root, "doc_to_choice", true);
                }
            }
            FieldOrTemplate target = errors.field(root, "doc_to_target", true);
            FieldOrTemplate gold = errors.field(root, "doc_to_gold", kind == ScoringKind.PARTIAL);
            FieldOrTemplate labelField = null;
            List<String> labelList = null;
            JsonNode labels = root.get("choice_labels");
            if (labels != null && labels.isArray()) {
                labelList = new ArrayList<>();
                for (JsonNode l : labels) {
                    labelList.add(l.asText());
                }
            } else if (labels != null) {
                labelField = errors.field(root, "choice_labels", true);
            }
            String fewshot = optionalText(root, "fewshot_split", null);
            return new Spec(name, data, kind, style, text, choiceField, choiceList, target, gold,
                    labelField, labelList, fewshot == null ? null : Path.of(fewshot),
                    errors.field(root, "group", false), errors.field(root, "id", false));
        }

        Doc toDoc(JsonRecord r, int position) {
            String id = idSpec == null ? Integer.toString(position) : idSpec.text(r);
            String groupName = group == null ? null : group.text(r);
            return switch (kind) {
                case GREEDY -> Doc.greedy(id, text.text(r), target.text(r), groupName);
                case PARTIAL -> {
                    List<String> contexts = choices(r);
                    yield Doc.partial(id, contexts, target.text(r), index(r, gold, contexts), groupName);
                }
                case MC2 -> {
                    List<String> choices = choices(r);
                    yield Doc.withTrueChoices(id, text.text(r), choices, trueIndices(r, choices), groupName);
                }
                case MULTIPLE_CHOICE -> {
                    List<String> choices = choices(r);
                    yield Doc.choice(id, text.text(r), choices, index(r, target, choices), groupName);
                }
            };
        }

        private List<String> choices(JsonRecord r) {
            if (choiceList != null) {
                return choiceList.stream().map(t -> t.render(r)).toList();
            }
            JsonNode value = choiceField.value(r);
            if (!value.isArray()) {
                throw new BadRecordException("doc_to_choice should give a list, got " + JsonRecord.describe(value));
            }
            var out = new ArrayList<String>();
            value.forEach(v -> out.add(v.isTextual() ? v.textValue() : v.asText()));
            return out;
        }

        private List<String> labels(JsonRecord r) {
            if (labelList != null) {
                return labelList;
            }
            if (labelField == null) {
                return null;
            }
            JsonNode value = labelField.value(r);
            if (!value.isArray()) {
                throw new BadRecordException("choice_labels should give a list, got " + JsonRecord.describe(value));
            }
            var out = new ArrayList<String>();
            value.forEach(v -> out.add(v.asText()));
            return out;
        }

        /** The index a target value names: a label, an integer index, a boolean (1/0), or a choice's text. */
        private int index(JsonRecord r, FieldOrTemplate spec, List<String> choices) {
            return indexOf(spec.value(r), labels(r), choices);
        }

        private static int indexOf(JsonNode value, List<String> labels, List<String> choices) {
            String asText = value.asText();
            if (labels != null) {
                int at = labels.indexOf(PyText.strip(asText));
                if (at < 0) {
                    throw new BadRecordException("target '" + asText + "' is not one of the labels " + labels);
                }
                return at;
            }
            if (value.isIntegralNumber()) {
                return value.intValue();
            }
            if (value.isBoolean()) {
                return value.booleanValue() ? 1 : 0;
            }
            if (value.isTextual() && PyText.strip(asText).matches("-?\\d+")) {
                return Integer.parseInt(PyText.strip(asText));
            }
            int at = choices.indexOf(asText);
            if (at < 0) {
                throw new BadRecordException("target '" + asText + "' is neither an index nor one of the choices");
            }
            return at;
        }

        private List<Integer> trueIndices(JsonRecord r, List<String> choices) {
            JsonNode value = target.value(r);
            if (!value.isArray()) {
                return List.of(indexOf(value, labels(r), choices));
            }
            boolean flags = value.size() == choices.size();
            for (JsonNode v : value) {
                flags &= v.isIntegralNumber() && (v.intValue() == 0 || v.intValue() == 1);
            }
            var out = new ArrayList<Integer>();
            for (int i = 0; i < value.size(); i++) {
                if (!flags) {
                    out.add(indexOf(value.get(i), labels(r), choices));
                } else if (value.get(i).intValue() == 1) {
                    out.add(i);
                }
            }
            return out;
        }

        private static ObjectNode parse(Path taskFile) {
            String text = TextFiles.readString(taskFile);
            try {
                JsonNode node = YAML.readTree(text); // YAML is a superset of JSON: one parser for both
                if (!(node instanceof ObjectNode object)) {
                    throw ChoiceFormatException.in(taskFile, "a task file should be a mapping of keys to values");
                }
                return object;
            } catch (JsonProcessingException e) {
                long line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw ChoiceFormatException.at(taskFile, line, "malformed task file: " + e.getOriginalMessage());
            }
        }

        private static String optionalText(ObjectNode root, String key, String fallback) {
            JsonNode v = root.get(key);
            return v == null || v.isNull() ? fallback : v.asText();
        }

        private static String stem(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(0, dot);
        }
    }

    /** Errors in a task file, each naming the file and the key. */
    private record SpecErrors(Path taskFile) {

        ChoiceFormatException problem(String message) {
            return ChoiceFormatException.in(taskFile, message);
        }

        String required(ObjectNode root, String key) {
            JsonNode v = root.get(key);
            if (v == null || v.isNull() || v.asText().isBlank()) {
                throw problem("missing key '" + key + "'");
            }
            return v.asText();
        }

        ScoringKind kind(String name) {
            Map<String, ScoringKind> kinds = Map.of("multiple_choice", ScoringKind.MULTIPLE_CHOICE,
                    "partial", ScoringKind.PARTIAL, "greedy", ScoringKind.GREEDY, "mc2", ScoringKind.MC2);
            ScoringKind kind = kinds.get(name.toLowerCase(Locale.ROOT));
            if (kind == null) {
                throw problem("kind should be one of multiple_choice, partial, greedy, mc2; got '" + name + "'");
            }
            return kind;
        }

        FieldOrTemplate field(ObjectNode root, String key, boolean required) {
            JsonNode v = root.get(key);
            if (v == null || v.isNull()) {
                if (required) {
                    throw problem("missing key '" + key + "'");
                }
                return null;
            }
            try {
                return FieldOrTemplate.of(v.asText());
            } catch (IllegalArgumentException | BadRecordException e) {
                throw problem(key + ": " + e.getMessage());
            }
        }

        Template template(String key, String text) {
            try {
                return Template.parse(text);
            } catch (IllegalArgumentException | BadRecordException e) {
                throw problem(key + ": " + e.getMessage());
            }
        }
    }
}
