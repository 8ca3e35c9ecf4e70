package dev.lmscore.engine.choice;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Where the test fixtures and the shared data are. */
public final class Fixtures {

    private Fixtures() {
    }

    /** A fixture under {@code src/test/resources/choice/}. */
    public static Path fixture(String name) {
        var url = Fixtures.class.getResource("/choice/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no fixture " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared data folder ({@code ../shared/data}). */
    public static Path sharedData() {
        return dev.lmscore.engine.TestData.shared().resolve("data");
    }

    /** Loads a fixture with default options. */
    public static ChoiceTask load(String taskOrNull, String fixture) {
        return TaskRegistry.loadTask(taskOrNull, fixture(fixture), LoadOptions.defaults());
    }

    /** Loads a fixture with the given options. */
    public static ChoiceTask load(String taskOrNull, String fixture, LoadOptions options) {
        return TaskRegistry.loadTask(taskOrNull, fixture(fixture), options);
    }

    /** The requests of item {@code i}. */
    public static List<ChoiceRequest> requests(ChoiceTask task, int i) {
        return task.items().get(i).choices();
    }
}
