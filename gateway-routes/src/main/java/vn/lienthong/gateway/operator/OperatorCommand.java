package vn.lienthong.gateway.operator;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar lienthong-gateway.jar operator create --username NAME --role ADMIN [--name "..."] [--file F]}:
 * makes an operator entry for {@code gateway.operators.users} with a bcrypt hash of a password typed twice
 * (without echo; {@code --password-stdin} reads one line instead, for scripts). The entry is printed, or added
 * to the YAML file {@code --file} (created with its header when missing), which a node reads with
 * {@code spring.config.additional-location}. There is no default password: nothing is created without one.
 */
public final class OperatorCommand {

    static final int MIN_PASSWORD_LENGTH = 12;

    private OperatorCommand() {
    }

    /** True when the command line asks for this command rather than for the gateway. */
    public static boolean wanted(String[] args) {
        return args.length > 0 && "operator".equals(args[0]);
    }

    /** Runs it; returns the process's exit code. */
    public static int run(String[] args, Console console, java.io.InputStream stdin, PrintStream out, PrintStream err) {
        if (args.length < 2 || !"create".equals(args[1])) {
            err.println(usage());
            return 2;
        }
        Map<String, String> options = new LinkedHashMap<>();
        boolean passwordFromStdin = false;
        for (int i = 2; i < args.length; i++) {
            String arg = args[i];
            if ("--password-stdin".equals(arg)) {
                passwordFromStdin = true;
            } else if (arg.startsWith("--") && i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                err.println("Tham số không hiểu được (unknown argument): " + arg + "\n" + usage());
                return 2;
            }
        }
        String username = options.get("username");
        String role = options.getOrDefault("role", "").toUpperCase(Locale.ROOT);
        if (username == null || !username.matches("[a-zA-Z0-9._-]{3,64}")) {
            err.println("Cần --username gồm 3-64 ký tự a-z 0-9 . _ - (--username is required: 3-64 of a-z 0-9 . _ -)");
            return 2;
        }
        if (!role.equals("ADMIN") && !role.equals("OPERATOR") && !role.equals("VIEWER")) {
            err.println("Cần --role ADMIN, OPERATOR hoặc VIEWER (--role must be ADMIN, OPERATOR or VIEWER)");
            return 2;
        }
        char[] password;
        try {
            password = passwordFromStdin ? readLine(stdin) : readTwice(console, err);
        } catch (IOException e) {
            err.println("Không đọc được mật khẩu (cannot read the password): " + e.getMessage());
            return 1;
        }
        if (password == null) {
            return 1;
        }
        if (password.length < MIN_PASSWORD_LENGTH) {
            err.println("Mật khẩu phải có ít nhất " + MIN_PASSWORD_LENGTH + " ký tự (the password must have at least "
                    + MIN_PASSWORD_LENGTH + " characters)");
            return 1;
        }
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(12).encode(new String(password));
        Arrays.fill(password, '\0');
        String name = options.getOrDefault("name", username);
        String entry = "      - username: " + quoted(username) + "\n"
                + "        password: " + quoted(hash) + "\n"
                + "        role: " + role + "\n"
                + "        name: " + quoted(name) + "\n";
        String file = options.get("file");
        if (file == null) {
            out.print("gateway:\n  operators:\n    users:\n" + entry);
            return 0;
        }
        try {
            Path path = Path.of(file);
            if (Files.notExists(path)) {
                Files.writeString(path, "# Operators of the Liên thông gateway (made by 'operator create').\n"
                        + "gateway:\n  operators:\n    users:\n", StandardCharsets.UTF_8);
            }
            Files.writeString(path, entry, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            out.println("Đã thêm người vận hành " + username + " (" + role + ") vào " + path
                    + "; khởi động lại các nút để áp dụng (operator added; restart the nodes to apply)");
            return 0;
        } catch (IOException e) {
            err.println("Không ghi được " + file + " (cannot write): " + e.getMessage());
            return 1;
        }
    }

    private static char[] readTwice(Console console, PrintStream err) {
        if (console == null) {
            err.println("Không có bàn phím để nhập mật khẩu: dùng --password-stdin (no terminal: use --password-stdin)");
            return null;
        }
        char[] first = console.readPassword("Mật khẩu (password): ");
        char[] second = console.readPassword("Nhập lại (again): ");
        if (first == null || second == null || !Arrays.equals(first, second)) {
            err.println("Hai lần nhập không khớp (the two entries differ)");
            return null;
        }
        Arrays.fill(second, '\0');
        return first;
    }

    private static char[] readLine(java.io.InputStream stdin) throws IOException {
        String line = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8)).readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String usage() {
        return """
                Cách dùng (usage):
                  java -jar lienthong-gateway.jar operator create --username NAME --role ADMIN|OPERATOR|VIEWER \\
                      [--name "Họ tên"] [--file /etc/lienthong/operators.yml] [--password-stdin]""";
    }
}
