package vn.lienthong.gateway.operator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Says at startup, as a WARN, that nobody can log in to the console or the operator API. */
public class NoOperatorWarning implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger LOG = LoggerFactory.getLogger(NoOperatorWarning.class);

    private final OperatorProperties operators;

    public NoOperatorWarning(OperatorProperties operators) {
        this.operators = operators;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (operators.users().isEmpty()) {
            LOG.warn("Chưa có người vận hành nào đăng nhập được: tạo bằng 'java -jar lienthong-gateway.jar operator "
                    + "create --username ... --role ADMIN --file /etc/lienthong/operators.yml' (no operator can log in: "
                    + "create one with 'operator create')");
        }
    }
}
