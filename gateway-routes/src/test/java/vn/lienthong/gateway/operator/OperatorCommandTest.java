package vn.lienthong.gateway.operator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

/** {@code operator create}: the entry it writes binds as gateway.operators.users and its hash checks the password. */
class OperatorCommandTest {

    @TempDir
    Path work;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return OperatorCommand.run(args, null, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void twoOperatorsWrittenToAFileBindAndTheirPasswordsCheck() throws Exception {
        Path file = work.resolve("operators.yml");
        assertThat(run("mat-khau-quan-tri-1\n", "operator", "create", "--username", "quantri.tinh", "--role", "admin",
                "--name", "Quản trị \"tỉnh\"", "--file", file.toString(), "--password-stdin")).isZero();
        assertThat(run("mat-khau-theo-doi-2\n", "operator", "create", "--username", "theodoi", "--role", "VIEWER",
                "--file", file.toString(), "--password-stdin")).isZero();

        StandardEnvironment environment = new StandardEnvironment();
        new YamlPropertySourceLoader().load("operators", new FileSystemResource(file))
                .forEach(environment.getPropertySources()::addFirst);
        List<OperatorProperties.User> users = Binder.get(environment)
                .bind("gateway.operators.users", Bindable.listOf(OperatorProperties.User.class)).get();
        assertThat(users).extracting(OperatorProperties.User::username).containsExactly("quantri.tinh", "theodoi");
        assertThat(users.get(0).name()).isEqualTo("Quản trị \"tỉnh\"");
        assertThat(users.get(0).role()).hasToString("ADMIN");
        var encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        assertThat(users.get(0).password()).startsWith("{bcrypt}$2a$12$");
        assertThat(encoder.matches("mat-khau-quan-tri-1", users.get(0).password())).isTrue();
        assertThat(encoder.matches("mat-khau-theo-doi-2", users.get(0).password())).isFalse();
        assertThat(encoder.matches("mat-khau-theo-doi-2", users.get(1).password())).isTrue();
        assertThat(Files.readString(file)).doesNotContain("mat-khau");
    }

    @Test
    void withoutAFileTheEntryIsPrinted() {
        assertThat(run("mat-khau-van-hanh\n", "operator", "create", "--username", "vanhanh", "--role", "OPERATOR",
                "--password-stdin")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("gateway:", "users:", "username: \"vanhanh\"",
                "role: OPERATOR", "{bcrypt}$2a$12$").doesNotContain("mat-khau");
    }

    @Test
    void noDefaultsAShortPasswordAndBadArgumentsAreRefused() {
        Map<String[], String> refusals = Map.of(
                new String[] {"operator", "create", "--username", "a", "--role", "ADMIN", "--password-stdin"}, "--username",
                new String[] {"operator", "create", "--username", "quantri", "--password-stdin"}, "--role",
                new String[] {"operator", "create", "--username", "quantri", "--role", "ROOT", "--password-stdin"}, "--role",
                new String[] {"operator", "delete"}, "operator create");
        refusals.forEach((args, said) -> {
            err.reset();
            assertThat(run("mat-khau-du-dai-123\n", args)).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains(said);
        });
        err.reset();
        assertThat(run("ngan\n", "operator", "create", "--username", "quantri", "--role", "ADMIN", "--password-stdin"))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ít nhất 12");
        err.reset();
        // no terminal and no --password-stdin: nothing is made
        assertThat(run("", "operator", "create", "--username", "quantri", "--role", "ADMIN")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--password-stdin");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
