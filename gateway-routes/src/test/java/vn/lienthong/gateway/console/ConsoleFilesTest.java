package vn.lienthong.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The console's files as they are packaged (the classpath copy of {@code static/console/}): nothing is fetched
 * from another host (it must work on a closed network), every referenced file exists, and the pages carry no
 * inline script or event handler (so that a strict Content-Security-Policy can be set). No browser needed.
 */
class ConsoleFilesTest {

    private static final Pattern EXTERNAL = Pattern.compile(
            "(?:src|href|action)\\s*=\\s*[\"']\\s*(?:https?:)?//|url\\(\\s*[\"']?\\s*(?:https?:)?//|@import"
                    + "|fetch\\(\\s*[\"']https?:|<link[^>]+rel=[\"']?(?:preconnect|dns-prefetch)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REFERENCE = Pattern.compile("(?:src|href)\\s*=\\s*\"([^\"#:]+)\"");
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    /** A dictionary entry in i18n.js: 'key': { vi: '...', en: '...' }. */
    private static final Pattern ENTRY = Pattern.compile("^\\s*'([^']+)': \\{ vi: '[^']+',\\s*(?:\\n\\s*)?en: '[^']+' \\},?$",
            Pattern.MULTILINE);
    private static final Pattern KEY_LINE = Pattern.compile("^\\s*'([^']+)': \\{", Pattern.MULTILINE);
    /** t('key') or i18n.t('key') with a literal key (keys built from a prefix end with a dot and are skipped). */
    private static final Pattern USED_IN_JS = Pattern.compile("(?:^|[^\\w.]|i18n\\.)t\\('([^']+)'");
    private static final Pattern USED_IN_HTML = Pattern.compile("data-i18n(?:-aria|-title|-placeholder)?=\"([^\"]+)\"");

    private static Path consoleDir() throws URISyntaxException {
        return Path.of(ConsoleFilesTest.class.getResource("/static/console/index.html").toURI()).getParent();
    }

    private static List<Path> files() throws IOException, URISyntaxException {
        try (Stream<Path> all = Files.list(consoleDir())) {
            return all.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void theConsoleIsThere() throws Exception {
        assertThat(files()).extracting(f -> f.getFileName().toString())
                .contains("index.html", "login.html", "console.css", "i18n.js", "api.js", "console.js", "login.js");
    }

    @Test
    void nothingComesFromAnotherHost() throws Exception {
        List<String> found = new ArrayList<>();
        for (Path file : files()) {
            Matcher m = EXTERNAL.matcher(Files.readString(file));
            while (m.find()) {
                found.add(file.getFileName() + ": " + m.group());
            }
        }
        assertThat(found).as("references to other hosts").isEmpty();
    }

    @Test
    void everyReferencedFileExists() throws Exception {
        Path dir = consoleDir();
        for (String page : List.of("index.html", "login.html")) {
            Matcher m = REFERENCE.matcher(Files.readString(dir.resolve(page)));
            int count = 0;
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("/") || target.isEmpty()) {
                    continue;
                }
                assertThat(dir.resolve(target)).as(page + " refers to " + target).isRegularFile();
                count++;
            }
            assertThat(count).as("files referenced by " + page).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void everyLabelIsInTheDictionaryInBothLanguages() throws Exception {
        Path dir = consoleDir();
        String dictionary = Files.readString(dir.resolve("i18n.js"));
        List<String> keys = new ArrayList<>();
        Matcher k = KEY_LINE.matcher(dictionary);
        while (k.find()) {
            keys.add(k.group(1));
        }
        List<String> complete = new ArrayList<>();
        Matcher e = ENTRY.matcher(dictionary);
        while (e.find()) {
            complete.add(e.group(1));
        }
        assertThat(keys).hasSizeGreaterThan(200);
        assertThat(complete).as("entries with both vi and en").containsExactlyElementsOf(keys);

        List<String> missing = new ArrayList<>();
        for (String file : List.of("console.js", "login.js", "api.js")) {
            Matcher m = USED_IN_JS.matcher(Files.readString(dir.resolve(file)));
            while (m.find()) {
                if (!m.group(1).endsWith(".") && !keys.contains(m.group(1))) {
                    missing.add(file + ": " + m.group(1));
                }
            }
        }
        for (String file : List.of("index.html", "login.html")) {
            Matcher m = USED_IN_HTML.matcher(Files.readString(dir.resolve(file)));
            while (m.find()) {
                if (!keys.contains(m.group(1))) {
                    missing.add(file + ": " + m.group(1));
                }
            }
        }
        assertThat(missing).as("labels used but not in i18n.js").isEmpty();
    }

    @Test
    void noInlineScriptOrHandler() throws Exception {
        for (String page : List.of("index.html", "login.html")) {
            String html = Files.readString(consoleDir().resolve(page));
            assertThat(INLINE_SCRIPT.matcher(html).find()).as(page + " has an inline <script>").isFalse();
            assertThat(INLINE_HANDLER.matcher(html).find()).as(page + " has an inline on...= handler").isFalse();
        }
    }
}
