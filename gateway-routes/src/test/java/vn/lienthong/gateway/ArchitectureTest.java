package vn.lienthong.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the module README states in prose, checked on the compiled main classes.
 *
 * <p>The core of the gateway is every package but the glue that faces the protocols: {@code exchange} (wires the
 * VDXP and SOAP adapters and the push clients, and implements their {@code ExchangeService}), {@code links} (the
 * gateway as a VDXP client of other axes) and {@code security} (the HTTP filters in front of the systems' APIs).
 * The core speaks the gateway's own vocabulary: the adapters' contract ({@code adapters.exchange}) and edxml,
 * never a VDXP type (the adapter's {@code adapters.vdxp}, or the wire and client of the {@code vdxp-client}
 * module, {@code vn.lienthong.vdxp}) or a SOAP type.
 */
@AnalyzeClasses(packages = "vn.lienthong.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    static final String[] PROTOCOL_GLUE = {"vn.lienthong.gateway.exchange..", "vn.lienthong.gateway.links..",
            "vn.lienthong.gateway.security.."};

    @ArchTest
    static final ArchRule the_core_uses_no_vdxp_or_soap_types = noClasses()
            .that().resideOutsideOfPackages(PROTOCOL_GLUE)
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.adapters.vdxp..",
                    "vn.lienthong.vdxp..", "vn.lienthong.adapters.soap..", "org.apache.cxf..", "jakarta.jws..", "jakarta.xml.ws..",
                    "jakarta.xml.soap..")
            .as("the core of gateway-routes uses no VDXP or SOAP types (only exchange, links and security face the protocols)");

    @ArchTest
    static final ArchRule the_core_does_not_parse_edxml_with_its_own_xml_reader = noClasses()
            .that().resideOutsideOfPackages(PROTOCOL_GLUE)
            .should().dependOnClassesThat().resideInAnyPackage("javax.xml.stream..", "com.ctc.wstx..")
            .as("gateway-routes parses no protocol itself: edXML is read and written by edxml");

    @ArchTest
    static final ArchRule the_gateway_does_not_depend_on_the_cli = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.cli..")
            .as("gateway-routes does not depend on the cli");
}
