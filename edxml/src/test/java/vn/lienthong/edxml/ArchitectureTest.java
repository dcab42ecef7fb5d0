package vn.lienthong.edxml;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules the module README states in prose, checked on the compiled main classes: edxml is a plain-Java SDK
 * that agency systems embed, at the bottom of {@code edxml <- adapters <- gateway-routes}.
 */
@AnalyzeClasses(packages = "vn.lienthong.edxml", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule edxml_uses_no_spring_and_no_camel = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
            .as("edxml uses no Spring and no Camel");

    @ArchTest
    static final ArchRule edxml_depends_on_no_other_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.adapters..", "vn.lienthong.gateway..",
                    "vn.lienthong.trust..", "vn.lienthong.cli..", "vn.lienthong.certs..")
            .as("edxml depends on no other module of the gateway (dependencies point one way)");

    @ArchTest
    static final ArchRule edxml_carries_no_bouncy_castle = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.bouncycastle..")
            .as("edxml needs no Bouncy Castle (only its tests make keys with it)");
}
