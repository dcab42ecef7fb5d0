package vn.lienthong.vdxp;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rule the module README states: what the cli, the bench and the gateway's links embed carries nothing else. */
@AnalyzeClasses(packages = "vn.lienthong.vdxp", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_vdxp_client_needs_only_the_jdk_and_jackson = classes()
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.crypto..", "javax.net..",
                    "com.fasterxml.jackson..", "vn.lienthong.vdxp..")
            .as("vdxp-client uses only the JDK and Jackson (no Spring, no adapters, no gateway)");
}
