package vn.lienthong.gateway.operator;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The people who operate the gateway ({@code gateway.operators.*}) and the bounds its alerts watch.
 *
 * @param users  who may log in; passwords as Spring Security encodes them ({@code {bcrypt}$2a$...})
 * @param alerts when the gateway raises an alert, and where it also sends it
 */
@ConfigurationProperties("gateway.operators")
public record OperatorProperties(@DefaultValue List<User> users, @DefaultValue Alerts alerts) {

    public enum Role { VIEWER, OPERATOR, ADMIN }

    public record User(String username, String password, Role role, String name) {
    }

    /**
     * @param recipientFailingFor a recipient whose deliveries have failed for longer than this
     * @param backlogOlderThan    a delivery waiting longer than this
     * @param certificateExpiryWithin a certificate (the gateway's or an agency's) expiring within this
     * @param webhook             a URL that receives each new alert as JSON (POST); empty for none
     * @param checkInterval       how often new alerts are looked for and posted (ISO-8601, e.g. PT30S)
     */
    public record Alerts(@DefaultValue("10m") Duration recipientFailingFor,
                         @DefaultValue("30m") Duration backlogOlderThan,
                         @DefaultValue("30d") Duration certificateExpiryWithin,
                         @DefaultValue("") String webhook,
                         @DefaultValue("PT30S") Duration checkInterval) {
    }
}
