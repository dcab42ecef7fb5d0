package vn.lienthong.gateway.routes;

import java.util.List;

import org.apache.camel.builder.RouteBuilder;

import vn.lienthong.gateway.intake.ClassifiedGuard;
import vn.lienthong.gateway.intake.Intake;
import vn.lienthong.gateway.intake.IntakeSteps;
import vn.lienthong.gateway.intake.RecipientResolver;
import vn.lienthong.gateway.intake.RetiredCodes;

/**
 * intake: every packet from an adapter, step by step, to its DocId. A refusal leaves the route as the
 * exception the adapter turns into its error answer; nothing is recorded for a refused packet.
 */
public class IntakeRoute extends RouteBuilder {

    public static final String ENDPOINT = "direct:intake";

    private final IntakeSteps steps;
    private final RecipientResolver recipients;
    private final RetiredCodes retiredCodes;
    private final ClassifiedGuard classifiedGuard;

    public IntakeRoute(IntakeSteps steps, RecipientResolver recipients, RetiredCodes retiredCodes,
                       ClassifiedGuard classifiedGuard) {
        this.steps = steps;
        this.recipients = recipients;
        this.retiredCodes = retiredCodes;
        this.classifiedGuard = classifiedGuard;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("intake").description("Tiếp nhận gói tin (intake)")
                .errorHandler(noErrorHandler())
                .bean(steps, "parse")
                .bean(steps, "validate")
                .bean(steps, "authorize")
                .bean(classifiedGuard, "checkHeader")
                .bean(retiredCodes, "check")
                .bean(recipients, "resolve")
                .bean(steps, "checkSignature")
                .bean(steps, "deduplicate")
                .filter(exchange -> !exchange.getMessage().getBody(Intake.class).duplicate())
                    .bean(steps, "inspectPdfSignatures")
                    .bean(classifiedGuard, "checkAttachments")
                    .bean(steps, "store")
                    .bean(steps, "record")
                    .setProperty("intake", body())
                    .setBody(exchange -> dispatches(exchange.getMessage().getBody(Intake.class)))
                    .to(DispatchRoute.ENDPOINT)
                    .setBody(exchangeProperty("intake"))
                .end();
    }

    private static List<DispatchRequest> dispatches(Intake intake) {
        int priority = intake.priority();
        return intake.deliveries().stream()
                .map(d -> new DispatchRequest(d.id(), d.mode(), priority))
                .toList();
    }
}
