package vn.lienthong.gateway.operator;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import vn.lienthong.gateway.tracking.TrackingStore;

/** Puts every operator API change in the tamper-evident log ({@link OperatorActionAudit}). */
@Configuration
public class OperatorAuditConfiguration implements WebMvcConfigurer {

    private final TrackingStore tracking;

    public OperatorAuditConfiguration(TrackingStore tracking) {
        this.tracking = tracking;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new OperatorActionAudit(tracking)).addPathPatterns("/api/**");
    }
}
