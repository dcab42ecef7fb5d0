package vn.lienthong.gateway.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The embedded H2 database's {@link DataSource} as the gateway uses it: every commit, explicit or the implicit one
 * of a statement run in auto-commit, returns once {@link GroupCommit} has it in the file. Everything that writes
 * goes through here (Spring's transactions, plain {@code JdbcClient} updates, Flyway, sessions), so no write can
 * forget to wait.
 */
public final class GroupCommitDataSource extends DelegatingDataSource {

    private static final Set<String> WRITES = Set.of("execute", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");
    private static final Set<String> STATEMENT_FACTORIES = Set.of("createStatement", "prepareStatement",
            "prepareCall");

    private final GroupCommit group;

    /** @param interval the least time between two checkpoints (the commits of an interval share one) */
    public GroupCommitDataSource(DataSource target, java.time.Duration interval) {
        super(target);
        this.group = new GroupCommit(interval);
    }

    /** Commits waited for so far. */
    public long commits() {
        return group.commits();
    }

    /** Checkpoints written so far. */
    public long checkpoints() {
        return group.checkpoints();
    }

    @Override
    public Connection getConnection() throws SQLException {
        return proxy(obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return proxy(obtainTargetDataSource().getConnection(username, password));
    }

    private Connection proxy(Connection raw) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class}, new ConnectionCalls(raw));
    }

    private final class ConnectionCalls implements InvocationHandler {
        private final Connection raw;

        ConnectionCalls(Connection raw) {
            this.raw = raw;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object identity = identity(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            if (method.getName().equals("toString")) {
                return "group-commit " + raw;
            }
            Object result = call(raw, method, args);
            if (method.getName().equals("commit")) {
                group.awaitStored(raw);
            } else if (STATEMENT_FACTORIES.contains(method.getName()) && result instanceof Statement statement) {
                Class<?> kind = statement instanceof CallableStatement ? CallableStatement.class
                        : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {kind},
                        new StatementCalls(statement, raw, (Connection) proxy));
            }
            return result;
        }
    }

    private final class StatementCalls implements InvocationHandler {
        private final Statement statement;
        private final Connection raw;
        private final Connection connection;

        StatementCalls(Statement statement, Connection raw, Connection connection) {
            this.statement = statement;
            this.raw = raw;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            Object identity = identity(proxy, method, args);
            if (identity != null) {
                return identity;
            }
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            Object result = call(statement, method, args);
            // a write in auto-commit mode committed as it ran (an update of no row wrote nothing)
            if (WRITES.contains(method.getName()) && !wroteNothing(result) && raw.getAutoCommit()) {
                group.awaitStored(raw);
            }
            return result;
        }
    }

    /** equals and hashCode answer for the proxy itself, not for what it wraps; null for any other method. */
    private static Object identity(Object proxy, Method method, Object[] args) {
        return switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> null;
        };
    }

    private static boolean wroteNothing(Object result) {
        if (result instanceof Number count) {
            return count.longValue() == 0;
        }
        if (result instanceof int[] counts) {
            return java.util.Arrays.stream(counts).allMatch(c -> c == 0);
        }
        return false;
    }

    private static Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
