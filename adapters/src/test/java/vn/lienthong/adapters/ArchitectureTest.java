package vn.lienthong.adapters;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the module README states in prose, checked on the compiled main classes. "Adapters hold no business
 * rule" is checked as what a rule would need: the gateway's code, a database, trust decisions or the routes'
 * engine. The adapters reach all of that only through {@code exchange.ExchangeService}.
 */
@AnalyzeClasses(packages = "vn.lienthong.adapters", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_the_gateway = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.gateway..", "vn.lienthong.cli..")
            .as("adapters do not depend on gateway-routes (dependencies point one way: edxml <- adapters <- gateway-routes)");

    @ArchTest
    static final ArchRule adapters_hold_no_business_rule = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.transaction..",
                    "org.flywaydb..", "vn.lienthong.trust..", "org.apache.camel..", "jakarta.jms..",
                    "org.apache.activemq..")
            .as("adapters hold no business rule: no database, no trust decisions, no routes or broker "
                    + "(they ask the gateway through ExchangeService)");

    @ArchTest
    static final ArchRule the_exchange_contract_speaks_no_protocol = noClasses()
            .that().resideInAPackage("vn.lienthong.adapters.exchange..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.adapters.vdxp..", "vn.lienthong.vdxp..",
                    "vn.lienthong.adapters.soap..", "vn.lienthong.adapters.push..", "org.apache.cxf..",
                    "org.springframework..", "jakarta.servlet..")
            .as("the exchange contract (ExchangeService, SpooledPacket, GatewayError) speaks no protocol: "
                    + "a protocol's quirks stay in its adapter");

    @ArchTest
    static final ArchRule soap_and_vdxp_adapters_are_independent = noClasses()
            .that().resideInAPackage("vn.lienthong.adapters.soap..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.adapters.vdxp..", "vn.lienthong.vdxp..")
            .as("the SOAP adapter does not use the VDXP adapter");

    @ArchTest
    static final ArchRule vdxp_adapter_does_not_use_soap = noClasses()
            .that().resideInAPackage("vn.lienthong.adapters.vdxp..")
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.adapters.soap..", "org.apache.cxf..")
            .as("the VDXP adapter does not use the SOAP adapter or CXF");
}
