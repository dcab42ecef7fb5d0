package vn.lienthong.trust;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rules the module README states in prose, checked on the compiled main classes. */
@AnalyzeClasses(packages = "vn.lienthong.trust", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule trust_uses_no_spring_and_no_camel = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.camel..")
            .as("trust uses no Spring and no Camel");

    @ArchTest
    static final ArchRule trust_depends_on_no_other_module = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("vn.lienthong.edxml..", "vn.lienthong.adapters..",
                    "vn.lienthong.gateway..", "vn.lienthong.cli..", "vn.lienthong.certs..")
            .as("trust depends on no other module of the gateway (the gateway uses it, not the other way)");
}
