package vn.lienthong.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Liên thông gateway: carries edXML packets between the document systems of Party offices and
 * State agencies. {@code java -jar lienthong-gateway.jar [--server.port=...] [--gateway.data-dir=...]}; also
 * {@code java -jar lienthong-gateway.jar operator create ...} (see {@link vn.lienthong.gateway.operator.OperatorCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        if (vn.lienthong.gateway.operator.OperatorCommand.wanted(args)) {
            System.exit(vn.lienthong.gateway.operator.OperatorCommand.run(args, System.console(), System.in,
                    System.out, System.err));
        }
        SpringApplication.run(GatewayApplication.class, args);
    }
}
