package vn.lienthong.gateway.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints a refused unsafe start as Spring Boot's "APPLICATION FAILED TO START" block, naming the setting. */
public class UnsafeStartFailureAnalyzer extends AbstractFailureAnalyzer<StartupSafetyCheck.UnsafeStartException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupSafetyCheck.UnsafeStartException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Đặt " + cause.setting() + " bằng tài nguyên của chính đơn vị vận hành, xem \"Running it safely\""
                        + " trong README.md (set " + cause.setting() + " to your own resource; see config/README.md)",
                cause);
    }
}
