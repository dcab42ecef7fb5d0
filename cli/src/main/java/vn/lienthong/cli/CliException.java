package vn.lienthong.cli;

/** A failure the user is told about in one message (Vietnamese first), with the exit code it ends with. */
final class CliException extends RuntimeException {

    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
